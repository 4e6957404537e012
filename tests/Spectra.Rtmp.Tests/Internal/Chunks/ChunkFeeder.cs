using System.Buffers;
using Spectra.Rtmp.Internal.Chunks;

namespace Spectra.Rtmp.Tests.Internal.Chunks;

/// <summary>Feeds bytes to a chunk reader the way a pipe does: in pieces, keeping unconsumed bytes for the next read.</summary>
internal static class ChunkFeeder
{
    public sealed record Message(RtmpMessageHeader Header, byte[] Payload);

    /// <param name="pieceSize">Bytes per read; 0 means everything at once.</param>
    /// <param name="onMessage">Called for each message before the next is read (apply Set Chunk Size there).</param>
    public static List<Message> ReadAll(RtmpChunkReader reader, ReadOnlySpan<byte> data, int pieceSize = 0, Action<RtmpChunkReader, Message>? onMessage = null)
    {
        var messages = new List<Message>();
        var pending = new List<byte>();
        var offset = 0;
        while (offset < data.Length)
        {
            var take = pieceSize <= 0 ? data.Length - offset : Math.Min(pieceSize, data.Length - offset);
            pending.AddRange(data.Slice(offset, take).ToArray());
            offset += take;

            var sequence = new ReadOnlySequence<byte>(pending.ToArray());
            var sequenceReader = new SequenceReader<byte>(sequence);
            while (reader.TryReadMessage(ref sequenceReader, out var message))
            {
                var copy = new Message(message.Header, message.Payload.ToArray());
                messages.Add(copy);
                onMessage?.Invoke(reader, copy);
            }

            pending.RemoveRange(0, (int)sequenceReader.Consumed);
        }

        return messages;
    }
}
