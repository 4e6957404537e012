namespace Spectra.Server.Chat;

/// <summary>Stable action names written to the moderation log.</summary>
internal static class ModerationActions
{
    public const string Delete = "delete";
    public const string Timeout = "timeout";
    public const string Ban = "ban";
    public const string Unban = "unban";
    public const string Settings = "settings";
    public const string AddModerator = "mod";
    public const string RemoveModerator = "unmod";
    public const string AddTerm = "term.add";
    public const string RemoveTerm = "term.remove";
    public const string Hold = "held";
    public const string ApproveHeld = "held.approve";
    public const string RejectHeld = "held.reject";
    public const string DismissReport = "report.dismiss";
    public const string RegenerateOverlay = "overlay.regenerate";
    public const string StartPoll = "poll.start";
    public const string EndPoll = "poll.end";
    public const string MarkQuestion = "question";
}
