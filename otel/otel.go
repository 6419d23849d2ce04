// Package gotel traces gathergen's tasks with OpenTelemetry: one span per
// task, a child of the span in the context the task was started under, named
// after the task, and whose context the task runs under, so that its own
// calls (an HTTP client instrumented with otelhttp, a database driver) nest
// beneath it.
//
// It is a module of its own, github.com/gathergen/gathergen/otel, so that
// gathergen's runtime stays free of OpenTelemetry; its package name is gotel,
// so that it never collides with go.opentelemetry.io/otel in user code. Five
// lines set it up:
//
//	import (
//		"github.com/gathergen/gathergen/runtime"
//		gotel "github.com/gathergen/gathergen/otel"
//	)
//
//	ctx = runtime.WithObserver(ctx, gotel.NewObserver())
//
// Every task started under ctx then has its span: those of runtime.Go,
// GoNamed and GoWith (and so of every generated wrapper) and the calls of
// runtime.Map and runtime.Stream, limited or not, and the tasks they start in turn, nested under
// theirs.
//
// A task's span:
//
//   - is named after the task (the name given to GoNamed or GoWith,
//     generated wrappers give the function's: "Client.FetchOrders"), or
//     "gathergen.task" for a task without a name (runtime.Go, the calls of
//     Map), and is of kind internal;
//   - starts when the task starts, once it has its slot of runtime.WithLimit,
//     and ends when it returns, before its future settles, so that a span
//     ends before the gather that waits for it returns;
//   - has the attribute gathergen.task.slot, the task's position in the wait
//     that knows it (for Map, the element's index; for a future, its slot in
//     the first gather that waits for it, when that gather started waiting
//     before the task ended);
//   - has status Error with the error's message when the task fails, and an
//     exception event (exception.type, exception.message and, for a panic,
//     exception.stacktrace with the task's stack);
//   - for a task cancelled before it started, is a span of no length with
//     the attribute gathergen.task.started=false and status Error.
//
// The value a task returns is not recorded.
package gotel

import (
	"context"
	"errors"
	"fmt"

	"github.com/gathergen/gathergen/runtime"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

// ScopeName is the instrumentation scope of the tracer that makes the spans.
const ScopeName = "github.com/gathergen/gathergen/otel"

// Attribute keys of a task's span.
const (
	SlotKey    = attribute.Key("gathergen.task.slot")
	StartedKey = attribute.Key("gathergen.task.started")
)

// UnnamedSpan is the name of the span of a task without a name.
const UnnamedSpan = "gathergen.task"

// An Option configures NewObserver.
type Option func(*config)

type config struct {
	provider trace.TracerProvider
}

// WithTracerProvider makes the spans with tp instead of the global
// TracerProvider (otel.GetTracerProvider at the time NewObserver is called).
func WithTracerProvider(tp trace.TracerProvider) Option {
	return func(c *config) { c.provider = tp }
}

// NewObserver returns a runtime.Observer that opens one span per task; set
// it with runtime.WithObserver.
func NewObserver(opts ...Option) runtime.Observer {
	c := config{}
	for _, o := range opts {
		o(&c)
	}
	if c.provider == nil {
		c.provider = otel.GetTracerProvider()
	}
	return observer{tracer: c.provider.Tracer(ScopeName)}
}

// observer is the runtime.Observer of NewObserver.
type observer struct {
	tracer trace.Tracer
}

// TaskStart opens the task's span as a child of the span in ctx and returns
// the context that carries it, which the task runs under.
func (o observer) TaskStart(ctx context.Context, t runtime.Task) context.Context {
	ctx, _ = o.tracer.Start(ctx, spanName(t), trace.WithSpanKind(trace.SpanKindInternal))
	return ctx
}

// TaskEnd records the task's slot and outcome on its span and ends it; for a
// task that never started, it opens and ends a span of no length.
func (o observer) TaskEnd(ctx context.Context, t runtime.Task, out runtime.Outcome) {
	var span trace.Span
	if out.Started {
		span = trace.SpanFromContext(ctx)
	} else {
		_, span = o.tracer.Start(ctx, spanName(t), trace.WithSpanKind(trace.SpanKindInternal),
			trace.WithAttributes(StartedKey.Bool(false)))
	}
	if t.Slot >= 0 {
		span.SetAttributes(SlotKey.Int(t.Slot))
	}
	if out.Err != nil {
		recordFailure(span, out)
	}
	span.End()
}

// recordFailure sets the span's status and adds the exception event.
func recordFailure(span trace.Span, out runtime.Outcome) {
	msg := out.Err.Error()
	if !out.Started {
		msg = "not started: " + msg
	}
	span.SetStatus(codes.Error, msg)
	var pe *runtime.PanicError
	if errors.As(out.Err, &pe) {
		span.AddEvent("exception", trace.WithAttributes(
			attribute.String("exception.type", fmt.Sprintf("%T", pe.Value)),
			attribute.String("exception.message", fmt.Sprint(pe.Value)),
			attribute.String("exception.stacktrace", string(pe.Stack)),
		))
		return
	}
	span.RecordError(out.Err)
}

// spanName names the span of t.
func spanName(t runtime.Task) string {
	if t.Name == "" {
		return UnnamedSpan
	}
	return t.Name
}
