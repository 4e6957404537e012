using Spectra.Rtmp.Internal.Amf;

namespace Spectra.Rtmp.Internal.Commands;

/// <summary>
/// A decoded command message (RTMP 1.0 §7.1.1, §7.2): AMF0 command name, transaction id, command object, then optional arguments.
/// Commands are rare (a handful per connection), so the decoded form is an ordinary object.
/// </summary>
internal sealed class RtmpCommand
{
    private RtmpCommand(string name, double transactionId, IReadOnlyDictionary<string, object?>? commandObject, object?[] arguments)
    {
        Name = name;
        TransactionId = transactionId;
        CommandObject = commandObject;
        Arguments = arguments;
    }

    public string Name { get; }

    public double TransactionId { get; }

    /// <summary>The command object, or null when the client sent AMF0 null (as in publish, createStream).</summary>
    public IReadOnlyDictionary<string, object?>? CommandObject { get; }

    /// <summary>The values after the command object.</summary>
    public object?[] Arguments { get; }

    /// <summary>Decodes an AMF0 command payload (type 20). For AMF3 command messages (type 17) pass the payload after its leading format byte.</summary>
    /// <exception cref="Amf0Exception">Malformed AMF0.</exception>
    public static RtmpCommand Parse(ReadOnlySpan<byte> payload)
    {
        var reader = new Amf0Reader(payload);
        var name = reader.ReadString();
        var transactionId = reader.End ? 0 : reader.ReadNumber();
        IReadOnlyDictionary<string, object?>? commandObject = null;
        if (!reader.End)
        {
            var start = reader.Position;
            commandObject = reader.ReadValue() switch
            {
                null => null,
                Dictionary<string, object?> properties => properties,
                _ => throw new Amf0Exception($"Command '{name}': the command object must be an object or null", start),
            };
        }

        var arguments = new List<object?>();
        while (!reader.End)
        {
            arguments.Add(reader.ReadValue());
        }

        return new RtmpCommand(name, transactionId, commandObject, [.. arguments]);
    }

    public string? GetString(string property)
        => CommandObject is not null && CommandObject.TryGetValue(property, out var value) ? value as string : null;

    public object? GetArgument(int index) => index < Arguments.Length ? Arguments[index] : null;
}
