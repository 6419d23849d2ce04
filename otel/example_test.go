package gotel_test

import (
	"context"
	"fmt"
	"slices"

	gotel "github.com/gathergen/gathergen/otel"
	"github.com/gathergen/gathergen/runtime"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
)

// Each task of a gather gets its span, under the span that was current
// where the tasks were started. A program would set its exporter's provider
// with otel.SetTracerProvider and call NewObserver with no option.
func ExampleNewObserver() {
	exporter := tracetest.NewInMemoryExporter()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exporter))
	defer tp.Shutdown(context.Background()) //nolint:errcheck

	ctx, page := tp.Tracer("shop").Start(context.Background(), "LoadPage")
	ctx = runtime.WithObserver(ctx, gotel.NewObserver(gotel.WithTracerProvider(tp)))
	user := runtime.GoNamed(ctx, "FetchUser", func(context.Context) (string, error) { return "ada", nil })
	orders := runtime.GoNamed(ctx, "Client.FetchOrders", func(context.Context) (int, error) { return 3, nil })
	if _, _, err := runtime.Gather2(ctx, user, orders); err != nil {
		fmt.Println(err)
	}
	page.End()

	var lines []string
	for _, s := range exporter.GetSpans() {
		line := s.Name
		if s.Parent.SpanID() == page.SpanContext().SpanID() {
			line += " under LoadPage"
		}
		lines = append(lines, line)
	}
	slices.Sort(lines)
	for _, l := range lines {
		fmt.Println(l)
	}
	// Output:
	// Client.FetchOrders under LoadPage
	// FetchUser under LoadPage
	// LoadPage
}
