namespace Spectra.Media.Restream;

/// <summary>Where the push to one destination stands.</summary>
public enum RestreamState
{
    /// <summary>Connecting for the first time.</summary>
    Connecting,

    /// <summary>The destination accepted the publish; media flows.</summary>
    Live,

    /// <summary>The connection failed or broke; waiting to reconnect.</summary>
    Retrying,

    /// <summary>The destination refused the publish (wrong key, not allowed); still retried, at the longest delay.</summary>
    Failed,

    /// <summary>The push has ended (the broadcast stopped, or the destination was disabled or removed).</summary>
    Stopped,
}
