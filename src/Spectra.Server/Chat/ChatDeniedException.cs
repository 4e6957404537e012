namespace Spectra.Server.Chat;

/// <summary>
/// An expected refusal (unknown channel, not allowed, invalid input). Its message goes to the
/// caller as is; it is logged at information level, not as an error.
/// </summary>
internal sealed class ChatDeniedException : Exception
{
    public ChatDeniedException()
    {
    }

    public ChatDeniedException(string message)
        : base(message)
    {
    }

    public ChatDeniedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
