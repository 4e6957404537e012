using System.Text;
using System.Text.Json;
using Spectra.Testing.Chat;

namespace Spectra.IntegrationTests.Chat;

/// <summary>Reading chat payloads in tests.</summary>
internal static class ChatJson
{
    /// <summary>The plain text of a ChatMessageDto (its segments joined).</summary>
    public static string TextOf(JsonElement message)
    {
        var text = new StringBuilder();
        foreach (var segment in message.GetProperty("segments").EnumerateArray())
        {
            text.Append(segment.GetProperty("text").GetString());
        }

        return text.ToString();
    }

    /// <summary>Every message delivered by "messages" invocations so far, in arrival order.</summary>
    public static List<JsonElement> Messages(ChatHubClient client) =>
        [.. client.ReceivedOf("messages").SelectMany(i => i.Arguments[0].EnumerateArray())];

    /// <summary>Waits until a message with <paramref name="text"/> has been delivered.</summary>
    public static async Task<JsonElement> WaitForMessageAsync(ChatHubClient client, string text)
    {
        var invocation = await client.WaitForAsync("messages", i => i.Arguments[0].EnumerateArray().Any(m => TextOf(m) == text));
        return invocation.Arguments[0].EnumerateArray().First(m => TextOf(m) == text);
    }

    public static string Status(JsonElement sendResult) => sendResult.GetProperty("status").GetString()!;

    public static string? Code(JsonElement sendResult) =>
        sendResult.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null;
}
