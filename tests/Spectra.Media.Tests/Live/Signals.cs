using System.Runtime.InteropServices;

namespace Spectra.Media.Tests.Live;

/// <summary>POSIX signals to a child process by id (no dependency on a kill binary).</summary>
internal static class Signals
{
    private const int SigStop = 19; // Linux x86-64 and arm64

    /// <summary>Suspends the process as a hang would; returns 0 on success.</summary>
    public static int Stop(int processId) => Kill(processId, SigStop);

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in the test project for one call.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
#pragma warning restore SYSLIB1054
}
