package gotel_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	gotel "github.com/gathergen/gathergen/otel"
	"github.com/gathergen/gathergen/runtime"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// setup returns a tracer provider that records every span, a context under
// a root span with the observer set, and the root span.
func setup(t *testing.T) (*tracetest.SpanRecorder, context.Context, trace.Span) {
	t.Helper()
	rec := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
	t.Cleanup(func() {
		if err := tp.Shutdown(context.Background()); err != nil {
			t.Error(err)
		}
	})
	ctx, root := tp.Tracer("test").Start(context.Background(), "root")
	ctx = runtime.WithObserver(ctx, gotel.NewObserver(gotel.WithTracerProvider(tp)))
	return rec, ctx, root
}

// byName returns the ended spans named name.
func byName(rec *tracetest.SpanRecorder, name string) []sdktrace.ReadOnlySpan {
	var out []sdktrace.ReadOnlySpan
	for _, s := range rec.Ended() {
		if s.Name() == name {
			out = append(out, s)
		}
	}
	return out
}

// only returns the one ended span named name.
func only(t *testing.T, rec *tracetest.SpanRecorder, name string) sdktrace.ReadOnlySpan {
	t.Helper()
	spans := byName(rec, name)
	if len(spans) != 1 {
		t.Fatalf("%d spans named %q; want 1 (ended: %v)", len(spans), name, names(rec))
	}
	return spans[0]
}

func names(rec *tracetest.SpanRecorder) []string {
	var out []string
	for _, s := range rec.Ended() {
		out = append(out, s.Name())
	}
	return out
}

// attr returns the value of key on s, and whether s has it.
func attr(s sdktrace.ReadOnlySpan, key attribute.Key) (attribute.Value, bool) {
	for _, kv := range s.Attributes() {
		if kv.Key == key {
			return kv.Value, true
		}
	}
	return attribute.Value{}, false
}

// A gather of three named tasks under a root span, one failing: three task
// spans under the root, with the tasks' names and statuses, and a span
// opened inside a task nests under that task's span.
func TestGatherGivesOneSpanPerTaskUnderTheRoot(t *testing.T) {
	rec, ctx, root := setup(t)
	errDown := errors.New("orders: service down")
	user := runtime.GoNamed(ctx, "FetchUser", func(ctx context.Context) (string, error) {
		_, call := trace.SpanFromContext(ctx).TracerProvider().Tracer("db").Start(ctx, "SELECT users")
		call.End()
		return "ada", nil
	})
	points := runtime.GoNamed(ctx, "FetchPoints", func(context.Context) (int, error) { return 120, nil })
	// The failing task waits for the others, so that the gather's fail-fast
	// cancels nothing that is still running and every status is known.
	orders := runtime.GoNamed(ctx, "Client.FetchOrders", func(ctx context.Context) ([]string, error) {
		if _, err := user.Await(ctx); err != nil {
			return nil, err
		}
		if _, err := points.Await(ctx); err != nil {
			return nil, err
		}
		return nil, errDown
	})
	_, _, _, err := runtime.Gather3(ctx, user, orders, points)
	root.End()
	if !errors.Is(err, errDown) {
		t.Fatalf("Gather3 = %v; want %v", err, errDown)
	}

	rootID := root.SpanContext().SpanID()
	for _, c := range []struct {
		name   string
		status codes.Code
		slot   int64
	}{{"FetchUser", codes.Unset, 0}, {"Client.FetchOrders", codes.Error, 1}, {"FetchPoints", codes.Unset, 2}} {
		s := only(t, rec, c.name)
		if s.Parent().SpanID() != rootID || s.SpanContext().TraceID() != root.SpanContext().TraceID() {
			t.Errorf("%s: parent %v; want the root span %v", c.name, s.Parent().SpanID(), rootID)
		}
		if s.Status().Code != c.status || s.SpanKind() != trace.SpanKindInternal {
			t.Errorf("%s: status %v, kind %v; want %v, internal", c.name, s.Status(), s.SpanKind(), c.status)
		}
		// The slot is known when the gather subscribed before the task ended.
		if v, ok := attr(s, gotel.SlotKey); ok && v.AsInt64() != c.slot {
			t.Errorf("%s: slot %d; want %d", c.name, v.AsInt64(), c.slot)
		}
	}
	failed := only(t, rec, "Client.FetchOrders")
	if failed.Status().Description != errDown.Error() || len(failed.Events()) != 1 || failed.Events()[0].Name != "exception" {
		t.Errorf("failed span: status %+v, events %+v; want the error and an exception event", failed.Status(), failed.Events())
	}
	call := only(t, rec, "SELECT users")
	if call.Parent().SpanID() != only(t, rec, "FetchUser").SpanContext().SpanID() {
		t.Error("a call made inside FetchUser does not nest under its span")
	}
	if n := len(rec.Ended()); n != 5 {
		t.Errorf("%d spans ended: %v; want the root, 3 tasks and 1 call", n, names(rec))
	}
}

// A Map of 1,000 calls under a limit gives 1,000 spans, one per element,
// each with its index, all under the root; goleak (TestMain) checks that
// nothing is left running.
func TestMapOfAThousandGivesAThousandSpans(t *testing.T) {
	rec, ctx, root := setup(t)
	in := make([]int, 1000)
	for i := range in {
		in[i] = i
	}
	out, err := runtime.Map(runtime.WithLimit(ctx, 10), in, func(_ context.Context, x int) (int, error) { return 2 * x, nil })
	root.End()
	if err != nil || len(out) != 1000 || out[999] != 1998 {
		t.Fatalf("Map = %d results, %v", len(out), err)
	}
	spans := byName(rec, gotel.UnnamedSpan)
	if len(spans) != 1000 {
		t.Fatalf("%d task spans; want 1000", len(spans))
	}
	var slots []int
	for _, s := range spans {
		v, ok := attr(s, gotel.SlotKey)
		if !ok || s.Parent().SpanID() != root.SpanContext().SpanID() || s.Status().Code != codes.Unset {
			t.Fatalf("span %v: slot %v, parent %v, status %v; want a slot, under the root, no error", s.Name(), v, s.Parent().SpanID(), s.Status())
		}
		slots = append(slots, int(v.AsInt64()))
	}
	slices.Sort(slots)
	for i, s := range slots {
		if s != i {
			t.Fatalf("slots %v...; want each index once", slots[:min(len(slots), 20)])
		}
	}
}

// A panic is recorded as an exception event with the task's stack, and the
// span fails.
func TestPanicIsAnExceptionEventWithTheStack(t *testing.T) {
	rec, ctx, root := setup(t)
	_, err := runtime.GoNamed(ctx, "Explode", func(context.Context) (int, error) { panic("kaboom") }).Await(ctx)
	root.End()
	var pe *runtime.PanicError
	if !errors.As(err, &pe) {
		t.Fatalf("Await = %v; want a *PanicError", err)
	}
	s := only(t, rec, "Explode")
	if s.Status().Code != codes.Error || s.Status().Description != "task panicked: kaboom" {
		t.Fatalf("status %+v; want the panic", s.Status())
	}
	if len(s.Events()) != 1 {
		t.Fatalf("events %+v; want one", s.Events())
	}
	ev := s.Events()[0]
	got := map[attribute.Key]string{}
	for _, kv := range ev.Attributes {
		got[kv.Key] = kv.Value.AsString()
	}
	if ev.Name != "exception" || got["exception.message"] != "kaboom" || got["exception.type"] != "string" ||
		!strings.Contains(got["exception.stacktrace"], "TestPanicIsAnExceptionEventWithTheStack") {
		t.Fatalf("event %s %v; want an exception with the value and the task's stack", ev.Name, got)
	}
}

// A task cancelled before it started gets a span of no length that says so.
func TestTaskThatNeverStartedGetsAnEmptyFailedSpan(t *testing.T) {
	rec, ctx, root := setup(t)
	done, cancel := context.WithCancel(ctx)
	cancel()
	_, err := runtime.GoNamed(done, "TooLate", func(context.Context) (int, error) { return 1, nil }).Await(ctx)
	root.End()
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Await = %v; want context.Canceled", err)
	}
	s := only(t, rec, "TooLate")
	started, ok := attr(s, gotel.StartedKey)
	if !ok || started.AsBool() || s.Status().Code != codes.Error ||
		s.Status().Description != "not started: context canceled" || s.Parent().SpanID() != root.SpanContext().SpanID() {
		t.Fatalf("span: started %v (%v), status %+v, parent %v; want started=false, the reason, under the root",
			started, ok, s.Status(), s.Parent().SpanID())
	}
}

// Without WithTracerProvider, the spans go to the global provider; with no
// global provider set, that is a no-op and tasks run as before.
func TestGlobalProviderByDefault(t *testing.T) {
	ctx := runtime.WithObserver(context.Background(), gotel.NewObserver())
	v, err := runtime.GoNamed(ctx, "Plain", func(ctx context.Context) (int, error) {
		if trace.SpanFromContext(ctx).SpanContext().IsValid() {
			return 0, errors.New("a recording span under the no-op provider")
		}
		return 7, nil
	}).Await(ctx)
	if v != 7 || err != nil {
		t.Fatalf("Await = %v, %v", v, err)
	}
}
