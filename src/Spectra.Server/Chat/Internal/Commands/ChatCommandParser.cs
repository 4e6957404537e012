using System.Globalization;

namespace Spectra.Server.Chat.Internal.Commands;

/// <summary>
/// Parses chat commands such as "/slow 10" or "/timeout bob 600 spamming". A message starting
/// with "//" is not a command: it is sent as text starting with "/".
/// </summary>
internal static class ChatCommandParser
{
    /// <summary>Longest time-out, in seconds (14 days).</summary>
    public const int MaxTimeoutSeconds = 14 * 24 * 3600;

    public const string Usage =
        "Commands: /slow N|off, /followers [minutes]|off, /emoteonly on|off, /links on|off, /maxlength N, " +
        "/chat on|off, /timeout user seconds [reason], /untimeout user, /ban user [reason], /unban user, " +
        "/mod user, /unmod user, /block user, /unblock user";

    public static bool IsCommand(string text) => text.Length > 1 && text[0] == '/' && text[1] != '/';

    public static ChatCommandParseResult Parse(string text)
    {
        var parts = text.Trim().Split(' ', 4, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var name = parts[0].TrimStart('/').ToLowerInvariant();
        var arg1 = parts.Length > 1 ? parts[1] : null;
        var arg2 = parts.Length > 2 ? parts[2] : null;
        var rest = parts.Length > 3 ? parts[3] : null;

        return name switch
        {
            "help" => ChatCommandParseResult.Ok(new ChatCommand(ChatCommandKind.Help)),
            "slow" => ParseNumberOrOff(ChatCommandKind.Slow, arg1, 1, 3600, required: true, "/slow N (1–3600 seconds) or /slow off"),
            "slowoff" => ChatCommandParseResult.Ok(new ChatCommand(ChatCommandKind.Slow, Enabled: false)),
            "followers" => arg1 is null
                ? ChatCommandParseResult.Ok(new ChatCommand(ChatCommandKind.FollowersOnly, Number: 0))
                : ParseNumberOrOff(ChatCommandKind.FollowersOnly, arg1, 0, 129600, required: false, "/followers [minutes] or /followers off"),
            "followersoff" => ChatCommandParseResult.Ok(new ChatCommand(ChatCommandKind.FollowersOnly, Enabled: false)),
            "emoteonly" => ParseOnOff(ChatCommandKind.EmoteOnly, arg1 ?? "on", "/emoteonly on|off"),
            "emoteonlyoff" => ChatCommandParseResult.Ok(new ChatCommand(ChatCommandKind.EmoteOnly, Enabled: false)),
            "links" => ParseOnOff(ChatCommandKind.Links, arg1, "/links on|off"),
            "chat" => ParseOnOff(ChatCommandKind.Chat, arg1, "/chat on|off"),
            "maxlength" => ParseNumberOrOff(ChatCommandKind.MaxLength, arg1, 1, 500, required: true, "/maxlength N (1–500)") is { Command.Enabled: true } ok
                ? ok
                : ChatCommandParseResult.Fail("Usage: /maxlength N (1–500)"),
            "timeout" => ParseTimeout(arg1, arg2, rest),
            "untimeout" => ParseUser(ChatCommandKind.Untimeout, arg1, null, "/untimeout user"),
            "ban" => ParseUser(ChatCommandKind.Ban, arg1, Join(arg2, rest), "/ban user [reason]"),
            "unban" => ParseUser(ChatCommandKind.Unban, arg1, null, "/unban user"),
            "mod" => ParseUser(ChatCommandKind.Mod, arg1, null, "/mod user"),
            "unmod" => ParseUser(ChatCommandKind.Unmod, arg1, null, "/unmod user"),
            "block" => ParseUser(ChatCommandKind.Block, arg1, null, "/block user"),
            "unblock" => ParseUser(ChatCommandKind.Unblock, arg1, null, "/unblock user"),
            _ => ChatCommandParseResult.Fail($"Unknown command /{name}. {Usage}"),
        };
    }

    private static string? Join(string? a, string? b) => a is null ? null : b is null ? a : a + " " + b;

    private static ChatCommandParseResult ParseNumberOrOff(ChatCommandKind kind, string? arg, int min, int max, bool required, string usage)
    {
        if (arg is null)
        {
            return required ? ChatCommandParseResult.Fail("Usage: " + usage) : ChatCommandParseResult.Ok(new ChatCommand(kind));
        }

        if (arg.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return ChatCommandParseResult.Ok(new ChatCommand(kind, Enabled: false));
        }

        if (int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return ChatCommandParseResult.Ok(new ChatCommand(kind, Number: n));
        }

        return ChatCommandParseResult.Fail("Usage: " + usage);
    }

    private static ChatCommandParseResult ParseOnOff(ChatCommandKind kind, string? arg, string usage) => arg?.ToLowerInvariant() switch
    {
        "on" => ChatCommandParseResult.Ok(new ChatCommand(kind, Enabled: true)),
        "off" => ChatCommandParseResult.Ok(new ChatCommand(kind, Enabled: false)),
        _ => ChatCommandParseResult.Fail("Usage: " + usage),
    };

    private static ChatCommandParseResult ParseUser(ChatCommandKind kind, string? user, string? reason, string usage)
    {
        var name = user?.TrimStart('@');
        return string.IsNullOrEmpty(name)
            ? ChatCommandParseResult.Fail("Usage: " + usage)
            : ChatCommandParseResult.Ok(new ChatCommand(kind, UserName: name, Reason: reason));
    }

    private static ChatCommandParseResult ParseTimeout(string? user, string? seconds, string? reason)
    {
        const string usage = "Usage: /timeout user seconds [reason] (1–1209600 seconds)";
        var name = user?.TrimStart('@');
        if (string.IsNullOrEmpty(name) || seconds is null
            || !int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > MaxTimeoutSeconds)
        {
            return ChatCommandParseResult.Fail(usage);
        }

        return ChatCommandParseResult.Ok(new ChatCommand(ChatCommandKind.Timeout, Number: n, UserName: name, Reason: reason));
    }
}
