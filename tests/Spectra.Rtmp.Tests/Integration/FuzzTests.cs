using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Spectra.Rtmp.Internal.Handshake;
using Spectra.Rtmp.Tests.Infrastructure;
using Spectra.Rtmp.Tests.TestData;

namespace Spectra.Rtmp.Tests.Integration;

/// <summary>
/// Thousands of mutated copies of a recorded ffmpeg session (bit flips, truncation, duplicated ranges, forged huge
/// lengths and chunk sizes) against one running server; afterwards the server must still take a real ffmpeg publish,
/// memory must be back near where it started, and nothing may have been logged at error level.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class FuzzTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Seed = 20261121;
    private const int Sessions = 2500;
    private const int Parallelism = 8;
    private const int HandshakeLength = RtmpHandshake.RequestLength + RtmpHandshake.PacketLength;

    [Fact]
    public async Task Server_ThousandsOfMutatedSessions_StillAcceptsFfmpegWithBoundedMemory()
    {
        var handler = new TestPublishHandler { AcceptAnyKey = true, CountOnly = true };
        await using var server = await RtmpTestServer.StartAsync(handler, o =>
        {
            o.HandshakeTimeout = TimeSpan.FromSeconds(2);
            o.IdleTimeout = TimeSpan.FromSeconds(2);
        }, Microsoft.Extensions.Logging.LogLevel.Information);
        var original = GoldenFiles.FfmpegPublish;

        // Warm up (JIT, pools) with the unmodified session, then take the memory baseline.
        await RunSessionAsync(server.Port, original, new Random(Seed));
        var baseline = ManagedHeapBytes();

        var next = -1;
        var workers = Enumerable.Range(0, Parallelism).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < Sessions)
            {
                var random = new Random(Seed + index);
                await RunSessionAsync(server.Port, Mutate(original, random), random);
            }
        }));
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromMinutes(4));

        // Every sink the fuzzing got was ended exactly once.
        var sinks = new List<RecordingSink>();
        while (handler.Accepted.TryRead(out var sink))
        {
            sinks.Add(sink);
        }

        foreach (var sink in sinks)
        {
            await sink.Unpublished.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(1, sink.UnpublishCalls);
        }

        // The mutations must exercise the server, not only bounce off the handshake.
        var byEvent = server.Logs.Entries.GroupBy(e => e.EventName ?? "").ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine(string.Join("\n", byEvent.Where(p => p.Key.StartsWith("Rtmp", StringComparison.Ordinal)).OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}")));
        Assert.True(byEvent.GetValueOrDefault("RtmpPublishStarted") > Sessions / 10, "too few sessions reached publish");
        Assert.True(byEvent.GetValueOrDefault("RtmpProtocolError") + byEvent.GetValueOrDefault("RtmpMalformedAmf") > Sessions / 10, "too few protocol errors");

        var after = ManagedHeapBytes();
        output.WriteLine($"managed memory: {baseline} -> {after} bytes");
        Assert.True(after - baseline < 64L * 1024 * 1024, $"managed memory grew from {baseline} to {after} bytes");

        var run = await ExternalProcess.FfmpegPublishAsync(server.Url("live/FINAL"), seconds: 2);
        Assert.True(run.ExitCode == 0, run.StandardError);
        var final = await handler.NextAcceptedAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("FINAL", final.Request.StreamName);
        Assert.Contains(await final.Unpublished.WaitAsync(TimeSpan.FromSeconds(10)), FfmpegPublishTests.FfmpegEndReasons);
        Assert.True(final.MediaCount > 60, $"only {final.MediaCount} media messages");
    }

    private static long ManagedHeapBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetGCMemoryInfo().HeapSizeBytes;
    }

    /// <summary>Sends the bytes in random pieces, half-closes, and waits (bounded) for the server to close.</summary>
    private static async Task RunSessionAsync(int port, byte[] data, Random random)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cts.Token);
        var drain = Task.Run(async () =>
        {
            var buffer = new byte[16384];
            try
            {
                while (await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token) > 0)
                {
                }
            }
            catch (SocketException)
            {
            }
        });

        try
        {
            var offset = 0;
            while (offset < data.Length)
            {
                var count = Math.Min(data.Length - offset, random.Next(1, 32 * 1024));
                await socket.SendAsync(data.AsMemory(offset, count), SocketFlags.None, cts.Token);
                offset += count;
            }

            socket.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
            // The server closed first (protocol error): expected for most mutations.
        }

        await drain;
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        // Half of the sessions stop early, which keeps the run short and concentrates on handshake and commands.
        var length = random.Next(2) == 0 ? random.Next(1, Math.Min(original.Length, HandshakeLength + 8192)) : original.Length;
        var data = new List<byte>(original.AsSpan(0, length).ToArray());
        var operations = random.Next(1, 5);
        for (var i = 0; i < operations && data.Count > 0; i++)
        {
            // Most mutations hit the chunk stream, some the handshake.
            var position = random.Next(4) == 0 || data.Count <= HandshakeLength
                ? random.Next(data.Count)
                : random.Next(HandshakeLength, data.Count);
            switch (random.Next(7))
            {
                case 0: // bit flips
                    for (var flips = random.Next(1, 9); flips > 0; flips--)
                    {
                        var at = Math.Min(data.Count - 1, position + random.Next(64));
                        data[at] ^= (byte)(1 << random.Next(8));
                    }

                    break;
                case 1: // truncation
                    data.RemoveRange(position, data.Count - position);
                    break;
                case 2: // duplication of a range
                {
                    var count = Math.Min(data.Count - position, random.Next(1, 4096));
                    data.InsertRange(random.Next(data.Count), data.GetRange(position, count));
                    break;
                }

                case 3: // forged fmt 0 header with a huge message length
                {
                    var header = new byte[12];
                    header[0] = (byte)random.Next(2, 64);
                    BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(3), (uint)random.Next(0x7F0000, 0x1000000) << 8);
                    header[7] = (byte)random.Next(1, 23);
                    data.InsertRange(position, header[..12]);
                    break;
                }

                case 4: // forged Set Chunk Size with an extreme value
                {
                    byte[] message = [0x02, 0, 0, 0, 0, 0, 4, 0x01, 0, 0, 0, 0, 0, 0, 0, 0];
                    var sizes = new uint[] { 0, 1, 2, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, (uint)random.Next() };
                    BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(12), sizes[random.Next(sizes.Length)]);
                    data.InsertRange(position, message);
                    break;
                }

                case 5: // random bytes over a range
                {
                    var count = Math.Min(data.Count - position, random.Next(1, 256));
                    for (var j = 0; j < count; j++)
                    {
                        data[position + j] = (byte)random.Next(256);
                    }

                    break;
                }

                default: // drop a range
                {
                    var count = Math.Min(data.Count - position, random.Next(1, 512));
                    data.RemoveRange(position, count);
                    break;
                }
            }
        }

        return [.. data];
    }
}
