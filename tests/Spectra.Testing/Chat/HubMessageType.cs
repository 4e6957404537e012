namespace Spectra.Testing.Chat;

/// <summary>Message types of the SignalR hub protocol (HubProtocol.md, "Message Types").</summary>
public enum HubMessageType
{
    Invocation = 1,
    StreamItem = 2,
    Completion = 3,
    StreamInvocation = 4,
    CancelInvocation = 5,
    Ping = 6,
    Close = 7,
}
