using Spectra.Server.Accounts;

namespace Spectra.Server.Tests.Accounts;

public sealed class UserNameRulesTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("Under_Score_9")]
    [InlineData("abcdefghijklmnopqrstuvwxy")]
    public void Validate_ValidNames_ReturnsNull(string name) => Assert.Null(UserNameRules.Validate(name));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("abcdefghijklmnopqrstuvwxyz")]
    [InlineData("dash-name")]
    [InlineData("émile")]
    [InlineData("tab\tname")]
    [InlineData("API")]
    [InlineData("SignIn")]
    public void Validate_InvalidOrReservedNames_ReturnsMessage(string? name) => Assert.NotNull(UserNameRules.Validate(name));

    [Fact]
    public void Normalize_IsCaseInsensitive() => Assert.Equal(UserNameRules.Normalize("MiXeD_Case"), UserNameRules.Normalize("mixed_CASE"));
}
