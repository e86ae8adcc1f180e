using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Assembly.Bench;

/// <summary>Stops a child process as a service manager does: SIGTERM, a grace period, then a kill.</summary>
internal static class Termination
{
    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);

    private const int SigTerm = 15;

    public static async Task StopAsync(Process process, TimeSpan grace)
    {
        if (process.HasExited) return;
        _ = Kill(process.Id, SigTerm);
        using var timeout = new CancellationTokenSource(grace);
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); }
    }
}
