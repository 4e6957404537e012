namespace Spectra.Storage.Tests.TestSupport;

internal static class TestBytes
{
    /// <summary><paramref name="length"/> bytes of a fixed pseudo-random pattern: a shifted or truncated copy never matches.</summary>
    public static byte[] Make(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
