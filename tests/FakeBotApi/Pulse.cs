namespace Assembly.FakeBotApi;

/// <summary>
/// A signal that wakes every waiter each time it is raised. Waiters take <see cref="Next"/> before checking
/// their condition, so a raise between the check and the wait is not lost.
/// </summary>
internal sealed class Pulse
{
    private TaskCompletionSource _next = New();

    public Task Next => Volatile.Read(ref _next).Task;

    public void Raise() => Interlocked.Exchange(ref _next, New()).TrySetResult();

    // Asynchronous continuations: a raise under a lock must not run the waiters' code there.
    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
