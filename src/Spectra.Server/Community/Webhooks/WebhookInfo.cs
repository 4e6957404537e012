namespace Spectra.Server.Community.Webhooks;

/// <summary>A webhook as shown to its owner; the secret is only returned once, at creation.</summary>
internal sealed record WebhookInfo(Guid Id, string Url, IReadOnlyList<string> Events, bool Enabled, DateTime CreatedAt, string? Secret);
