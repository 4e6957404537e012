using Spectra.Server.Chat.Contracts;
using Spectra.Server.Chat.Internal.Commands;
using Spectra.Server.Chat.Internal.State;

namespace Spectra.Server.Chat;

internal sealed partial class ChatService
{
    private async Task<SendResult> RunCommandAsync(ChatActor actor, ChannelChatState state, string text)
    {
        var parsed = ChatCommandParser.Parse(text);
        if (parsed.Command is not { } command)
        {
            return new SendResult(SendResult.Refused, Code: "badCommand", Reason: parsed.Error);
        }

        try
        {
            var reply = await ExecuteAsync(actor, state, command);
            return new SendResult(SendResult.Command, Reason: reply);
        }
        catch (ChatDeniedException ex)
        {
            return new SendResult(SendResult.Refused, Code: "commandFailed", Reason: ex.Message);
        }
    }

    private async Task<string> ExecuteAsync(ChatActor actor, ChannelChatState state, ChatCommand command)
    {
        var s = state.Settings;
        switch (command.Kind)
        {
            case ChatCommandKind.Help:
                return ChatCommandParser.Usage;
            case ChatCommandKind.Slow:
                await UpdateSettingsAsync(actor, state, s with { SlowModeSeconds = command.Enabled ? command.Number ?? 0 : 0 });
                return command.Enabled ? $"Slow mode: one message every {command.Number} s." : "Slow mode is off.";
            case ChatCommandKind.FollowersOnly:
                await UpdateSettingsAsync(actor, state, s with { FollowersOnlyMinutes = command.Enabled ? command.Number ?? 0 : null });
                return command.Enabled ? $"Followers-only mode ({command.Number ?? 0} min)." : "Followers-only mode is off.";
            case ChatCommandKind.EmoteOnly:
                await UpdateSettingsAsync(actor, state, s with { EmoteOnly = command.Enabled });
                return command.Enabled ? "Emote-only mode is on." : "Emote-only mode is off.";
            case ChatCommandKind.Links:
                await UpdateSettingsAsync(actor, state, s with { LinksAllowed = command.Enabled });
                return command.Enabled ? "Links are allowed." : "Links are not allowed.";
            case ChatCommandKind.Chat:
                await UpdateSettingsAsync(actor, state, s with { ChatEnabled = command.Enabled });
                return command.Enabled ? "Chat is on." : "Chat is off.";
            case ChatCommandKind.MaxLength:
                await UpdateSettingsAsync(actor, state, s with { MaxMessageLength = command.Number ?? s.MaxMessageLength });
                return $"Messages are limited to {command.Number} characters.";
            case ChatCommandKind.Timeout:
                await PenalizeAsync(actor, state, command.UserName, command.Number, command.Reason);
                return $"{command.UserName} is timed out for {command.Number} s.";
            case ChatCommandKind.Untimeout:
            case ChatCommandKind.Unban:
                await UnbanAsync(actor, state, command.UserName);
                return $"{command.UserName} can chat again.";
            case ChatCommandKind.Ban:
                await PenalizeAsync(actor, state, command.UserName, null, command.Reason);
                return $"{command.UserName} is banned.";
            case ChatCommandKind.Mod:
                await SetModeratorAsync(actor, state, command.UserName, appoint: true);
                return $"{command.UserName} is now a moderator.";
            case ChatCommandKind.Unmod:
                await SetModeratorAsync(actor, state, command.UserName, appoint: false);
                return $"{command.UserName} is no longer a moderator.";
            case ChatCommandKind.Block:
                await SetBlockAsync(actor, command.UserName, block: true);
                return $"You will not see messages from {command.UserName}.";
            case ChatCommandKind.Unblock:
                await SetBlockAsync(actor, command.UserName, block: false);
                return $"You will see messages from {command.UserName} again.";
            default:
                throw new ChatDeniedException("Unknown command.");
        }
    }
}
