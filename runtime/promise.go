package runtime

// A Promise is a future settled by hand, like asyncio's Future.set_result:
// one goroutine holds the Promise and settles it, others await its Future.
type Promise[T any] struct {
	f Future[T]
}

// NewPromise returns a pending promise.
func NewPromise[T any]() *Promise[T] { return new(Promise[T]) }

// Future returns the future that p settles. Every call returns the same one.
func (p *Promise[T]) Future() *Future[T] { return &p.f }

// Resolve settles p's future with v. It reports false, changing nothing, when
// the future has settled already (resolved, rejected or cancelled).
func (p *Promise[T]) Resolve(v T) bool { return p.f.settle(v, nil, 0) }

// Reject settles p's future with err, which must not be nil. It reports
// false, changing nothing, when the future has settled already.
func (p *Promise[T]) Reject(err error) bool {
	if err == nil {
		panic("runtime: Promise.Reject: err is nil")
	}
	var zero T
	return p.f.settle(zero, err, 0)
}

// Resolved returns a future that has settled with v.
func Resolved[T any](v T) *Future[T] {
	f := &Future[T]{value: v}
	f.stamp = now()
	f.state.Store(claimed)
	f.subs.Store(&settledList)
	return f
}

// Rejected returns a future that has settled with err, which must not be nil.
func Rejected[T any](err error) *Future[T] {
	if err == nil {
		panic("runtime: Rejected: err is nil")
	}
	f := &Future[T]{}
	f.claim(err)
	f.finish(err)
	return f
}
