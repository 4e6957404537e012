using System.Runtime.InteropServices;

namespace Spectra.Media.Srt.Internal;

/// <summary>
/// The parts of libsrt's C API (srt/srt.h of SRT 1.5, Debian package <c>libsrt1.5-openssl</c>) SRT ingest uses.
/// Sockets are <c>int</c> handles (SRTSOCKET); functions return -1 (SRT_ERROR) on failure with the reason in
/// <see cref="GetLastError"/>.
/// </summary>
internal static unsafe partial class SrtNative
{
    public const string Library = "libsrt.so.1.5";
    public const int Error = -1;
    public const int InvalidSocket = -1;

    [LibraryImport(Library, EntryPoint = "srt_startup")]
    public static partial int Startup();

    [LibraryImport(Library, EntryPoint = "srt_cleanup")]
    public static partial int Cleanup();

    /// <summary>srt_setloglevel: syslog levels (2 = LOG_CRIT); libsrt writes its own log to stderr.</summary>
    [LibraryImport(Library, EntryPoint = "srt_setloglevel")]
    public static partial void SetLogLevel(int level);

    [LibraryImport(Library, EntryPoint = "srt_create_socket")]
    public static partial int CreateSocket();

    [LibraryImport(Library, EntryPoint = "srt_bind")]
    public static partial int Bind(int socket, byte* address, int addressLength);

    [LibraryImport(Library, EntryPoint = "srt_listen")]
    public static partial int Listen(int socket, int backlog);

    /// <summary>srt_listen_callback: <paramref name="callback"/> is <c>int (*)(void* opaque, SRTSOCKET ns, int hsversion, const sockaddr* peer, const char* streamid)</c>; returning -1 rejects.</summary>
    [LibraryImport(Library, EntryPoint = "srt_listen_callback")]
    public static partial int ListenCallback(int socket, delegate* unmanaged<nint, int, int, nint, nint, int> callback, nint opaque);

    [LibraryImport(Library, EntryPoint = "srt_accept")]
    public static partial int Accept(int socket, byte* address, int* addressLength);

    [LibraryImport(Library, EntryPoint = "srt_connect")]
    public static partial int Connect(int socket, byte* address, int addressLength);

    [LibraryImport(Library, EntryPoint = "srt_close")]
    public static partial int Close(int socket);

    [LibraryImport(Library, EntryPoint = "srt_setsockflag")]
    public static partial int SetSocketFlag(int socket, SrtSocketOption option, void* value, int length);

    [LibraryImport(Library, EntryPoint = "srt_getsockflag")]
    public static partial int GetSocketFlag(int socket, SrtSocketOption option, void* value, int* length);

    [LibraryImport(Library, EntryPoint = "srt_recvmsg")]
    public static partial int ReceiveMessage(int socket, byte* buffer, int length);

    /// <summary>srt_bistats(u, perf, clear, instantaneous) into an <see cref="SrtTraceStatistics"/>.</summary>
    [LibraryImport(Library, EntryPoint = "srt_bistats")]
    public static partial int Statistics(int socket, SrtTraceStatistics* statistics, int clear, int instantaneous);

    [LibraryImport(Library, EntryPoint = "srt_setrejectreason")]
    public static partial int SetRejectReason(int socket, int reason);

    [LibraryImport(Library, EntryPoint = "srt_getrejectreason")]
    public static partial int GetRejectReason(int socket);

    [LibraryImport(Library, EntryPoint = "srt_getlasterror")]
    public static partial int GetLastError(int* systemError);

    [LibraryImport(Library, EntryPoint = "srt_getlasterror_str")]
    public static partial nint GetLastErrorText();

    [LibraryImport(Library, EntryPoint = "srt_rejectreason_str")]
    public static partial nint RejectReasonText(int reason);

    public static string LastErrorText() => Marshal.PtrToStringUTF8(GetLastErrorText()) ?? "unknown SRT error";

    public static int LastError() => GetLastError(null);

    public static int SetInt(int socket, SrtSocketOption option, int value) => SetSocketFlag(socket, option, &value, sizeof(int));

    public static int SetBool(int socket, SrtSocketOption option, bool value)
    {
        int flag = value ? 1 : 0;
        return SetSocketFlag(socket, option, &flag, sizeof(int));
    }

    public static int SetString(int socket, SrtSocketOption option, string value)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(value);
        fixed (byte* p = bytes)
        {
            return SetSocketFlag(socket, option, p, bytes.Length);
        }
    }

    /// <summary>A string option (SRTO_STREAMID is at most 512 bytes); null when it cannot be read.</summary>
    public static string? GetString(int socket, SrtSocketOption option)
    {
        byte* buffer = stackalloc byte[768];
        int length = 768;
        return GetSocketFlag(socket, option, buffer, &length) == Error ? null : System.Text.Encoding.UTF8.GetString(buffer, length);
    }
}
