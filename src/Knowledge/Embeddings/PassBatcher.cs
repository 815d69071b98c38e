namespace Clinic.Knowledge.Embeddings;

/// <summary>
/// Natural batching of model passes. A pass streams all of the model's weights however few token rows it carries, so
/// the texts of concurrent callers are cheaper in one pass than in one pass each. A request that finds a pass slot
/// free runs at once on the caller's thread (no added latency when idle); requests that arrive while every slot is
/// busy wait in a queue, and when a pass ends the next pass takes all of them (up to <c>maxRows</c> token rows).
/// There is no timer: batches form only from requests that would have waited anyway. The pass is a pure function of
/// token ids (<c>pass(tokens, output)</c>), and the encoder computes each text the same alone or in a batch, so a
/// caller gets exactly the vectors it would have got alone. A cancelled caller leaves the queue without affecting
/// the others; a pass that throws fails only the callers it carried.
/// </summary>
internal sealed class PassBatcher(Action<int[][], float[]> pass, int maxConcurrentPasses, int maxRows)
{
    private readonly Lock _gate = new();
    private readonly Queue<Request> _queue = new();
    private int _running;
    private long _passes;

    /// <summary>The most token rows one pass takes (a single larger request still runs, alone).</summary>
    public int MaxRows => maxRows;

    /// <summary>Requests waiting for a pass (cancelled ones may still be counted until the next pass skips them).</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
                return _queue.Count;
        }
    }

    /// <summary>Passes run so far.</summary>
    public long Passes => Interlocked.Read(ref _passes);

    /// <summary>
    /// The vectors of <paramref name="tokens"/> (one text each), <paramref name="width"/> floats a text, in one array.
    /// <paramref name="rows"/> is the token rows they add to a pass.
    /// </summary>
    public Task<float[]> RunAsync(int[][] tokens, int rows, int width, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
            return Task.FromCanceled<float[]>(cancellationToken);

        var request = new Request(tokens, rows, width);
        request.WatchCancellation(cancellationToken);
        List<Request>? batch = null;
        lock (_gate)
        {
            if (_running < maxConcurrentPasses)
            {
                _running++;
                batch = TakeBatch(request);
            }
            else
            {
                _queue.Enqueue(request);
            }
        }

        if (batch is null)
            return request.Task;

        try
        {
            Run(batch);
        }
        finally
        {
            // The next pass runs on the thread pool: this caller has its vectors and should not wait for other texts.
            if (HasQueued())
                ThreadPool.UnsafeQueueUserWorkItem(static b => b.Drain(), this, preferLocal: false);
        }

        return request.Task;
    }

    private void Drain()
    {
        while (true)
        {
            List<Request> batch;
            lock (_gate)
            {
                batch = TakeBatch(null);
                if (batch.Count == 0)
                {
                    _running--;
                    return;
                }
            }

            Run(batch);
        }
    }

    // Under the lock: the oldest waiting requests, after first (if any), up to maxRows rows; always at least one.
    private List<Request> TakeBatch(Request? first)
    {
        var batch = new List<Request>();
        var rows = 0;
        if (first is not null)
        {
            batch.Add(first);
            rows = first.Rows;
        }

        while (_queue.TryPeek(out var next))
        {
            if (next.Task.IsCompleted)
            {
                _queue.Dequeue(); // cancelled while it waited
                continue;
            }

            if (batch.Count > 0 && rows + next.Rows > maxRows)
                break;
            batch.Add(_queue.Dequeue());
            rows += next.Rows;
        }

        return batch;
    }

    // Keeps the slot when work is waiting (the caller then schedules a drain); otherwise gives it back.
    private bool HasQueued()
    {
        lock (_gate)
        {
            while (_queue.TryPeek(out var next) && next.Task.IsCompleted)
                _queue.Dequeue();
            if (_queue.Count > 0)
                return true;
            _running--;
            return false;
        }
    }

    private void Run(List<Request> batch)
    {
        Interlocked.Increment(ref _passes);
        try
        {
            var tokens = batch.Count == 1 ? batch[0].Tokens : batch.SelectMany(r => r.Tokens).ToArray();
            var output = new float[tokens.Length * batch[0].Width];
            pass(tokens, output);
            var offset = 0;
            foreach (var request in batch)
            {
                var length = request.Tokens.Length * request.Width;
                request.Complete(batch.Count == 1 ? output : output.AsSpan(offset, length).ToArray());
                offset += length;
            }
        }
        catch (Exception e)
        {
            foreach (var request in batch)
                request.Fail(e);
        }
    }

    private sealed class Request(int[][] tokens, int rows, int width)
    {
        // Continuations run on the pool, not inline on the thread that ran the pass, which has the next pass to run.
        private readonly TaskCompletionSource<float[]> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private CancellationTokenRegistration _cancellation;

        public int[][] Tokens => tokens;

        public int Rows => rows;

        public int Width => width;

        public Task<float[]> Task => _done.Task;

        // A cancelled request leaves the queue at the next pass; one already in a pass has its result ignored.
        public void WatchCancellation(CancellationToken cancellationToken)
        {
            if (cancellationToken.CanBeCanceled)
                _cancellation = cancellationToken.UnsafeRegister(static (r, ct) => ((Request)r!)._done.TrySetCanceled(ct), this);
        }

        public void Complete(float[] vectors)
        {
            _done.TrySetResult(vectors);
            _cancellation.Dispose();
        }

        public void Fail(Exception e)
        {
            _done.TrySetException(e);
            _cancellation.Dispose();
        }
    }
}
