using Spectra.Server.Chat.Internal.Text;

namespace Spectra.Server.Chat.Internal.Rules;

/// <summary>
/// Decides whether a message may be posted. Pure: the caller gathers settings, the sender's
/// standing and the formatted message; the order of checks decides which reason is shown.
/// </summary>
internal static class ChatSendPolicy
{
    public static SendDecision Evaluate(ChatRules rules, SenderStanding sender, FormattedMessage message, DateTime nowUtc)
    {
        if (sender.BannedReason is not null)
        {
            return new SendDecision(ChatRefusal.Banned, "You are banned from this chat.");
        }

        if (sender.TimedOutUntil is { } until && until > nowUtc)
        {
            var left = until - nowUtc;
            return new SendDecision(ChatRefusal.TimedOut, $"You are timed out for {FormatDuration(left)}.", left);
        }

        if (message.Length == 0)
        {
            return new SendDecision(ChatRefusal.Empty, "The message is empty.");
        }

        if (message.Length > rules.MaxMessageLength)
        {
            return new SendDecision(ChatRefusal.TooLong, $"Messages are limited to {rules.MaxMessageLength} characters.");
        }

        if (!rules.ChatEnabled && !sender.IsPrivileged)
        {
            return new SendDecision(ChatRefusal.ChatDisabled, "Chat is turned off in this channel.");
        }

        if (sender.IsPrivileged)
        {
            return SendDecision.Allowed;
        }

        if (rules.FollowersOnlyMinutes is { } minutes)
        {
            if (sender.FollowedAt is not { } followedAt)
            {
                return new SendDecision(ChatRefusal.FollowersOnly, "Only followers can chat here.");
            }

            var age = nowUtc - followedAt;
            if (age < TimeSpan.FromMinutes(minutes))
            {
                var left = TimeSpan.FromMinutes(minutes) - age;
                return new SendDecision(ChatRefusal.FollowAgeTooShort, $"Followers can chat here after following for {FormatDuration(TimeSpan.FromMinutes(minutes))}.", left);
            }
        }

        if (rules.EmoteOnly && !message.IsEmoteOnly)
        {
            return new SendDecision(ChatRefusal.EmoteOnly, "Emote-only mode: send only emotes.");
        }

        if (!rules.LinksAllowed && message.HasLink)
        {
            return new SendDecision(ChatRefusal.LinksNotAllowed, "Links are not allowed in this chat.");
        }

        if (rules.SlowModeSeconds > 0 && sender.LastMessageAt is { } last)
        {
            var wait = last.AddSeconds(rules.SlowModeSeconds) - nowUtc;
            if (wait > TimeSpan.Zero)
            {
                return new SendDecision(ChatRefusal.SlowMode, $"Slow mode: wait {FormatDuration(wait)}.", wait);
            }
        }

        return SendDecision.Allowed;
    }

    /// <summary>"45 s", "3 min", "2 h", "4 d" rounded up.</summary>
    public static string FormatDuration(TimeSpan span)
    {
        if (span.TotalSeconds < 60)
        {
            return $"{Math.Max(1, (int)Math.Ceiling(span.TotalSeconds))} s";
        }

        if (span.TotalMinutes < 60)
        {
            return $"{(int)Math.Ceiling(span.TotalMinutes)} min";
        }

        if (span.TotalHours < 48)
        {
            return $"{(int)Math.Ceiling(span.TotalHours)} h";
        }

        return $"{(int)Math.Ceiling(span.TotalDays)} d";
    }
}
