namespace Spectra.Server.Accounts;

internal sealed record MeDto(Guid Id, string UserName, bool IsAdmin, DateTime CreatedAt, string ChannelUrl);
