namespace Spectra.Testing.Chat;

/// <summary>The server completed an invocation with an error (Completion message with "error").</summary>
public sealed class HubInvocationException : Exception
{
    public HubInvocationException()
    {
    }

    public HubInvocationException(string message)
        : base(message)
    {
    }

    public HubInvocationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
