using System.Collections;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectra.Data;
using Spectra.Media.Live;
using Spectra.Rtmp;
using Spectra.Storage;

namespace Spectra.Server.Tests.Infrastructure;

/// <summary>
/// Every options class (a type with a <c>SectionName</c> constant in Spectra's assemblies) is bound from
/// configuration, has a validator (data annotations or one <see cref="IValidateOptions{TOptions}"/> of its
/// own), and is checked at start-up.
/// </summary>
public sealed class OptionsValidationTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "spectra-options-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<string> OptionsTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in FindOptionsTypes())
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Fact]
    public void FindOptionsTypes_AllAssemblies_FindsEachLayersOptions()
    {
        var names = FindOptionsTypes().Select(t => t.Name).ToList();

        Assert.Contains("ChatOptions", names);
        Assert.Contains("PackagerOptions", names);
        Assert.Contains("RtmpOptions", names);
        Assert.Contains("DatabaseOptions", names);
        Assert.Contains("ObjectStoreOptions", names);
        Assert.True(names.Count >= 14, string.Join(", ", names));
    }

    [Theory]
    [MemberData(nameof(OptionsTypes))]
    public void AddSpectra_OptionsClass_HasValidatorAndIsValidatedOnStart(string typeName)
    {
        var type = FindOptionsTypes().Single(t => t.FullName == typeName);
        using var app = BuildApp();

        var validators = (IEnumerable<object>)app.Services.GetServices(typeof(IValidateOptions<>).MakeGenericType(type))!;
        Assert.NotEmpty(validators);
        Assert.Contains(type, StartupValidatedTypes(app.Services));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private WebApplication BuildApp()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration["Storage:DataDirectory"] = _dataDirectory;
        builder.AddSpectra();
        return builder.Build();
    }

    private static List<Type> FindOptionsTypes()
    {
        Assembly[] assemblies = [typeof(SpectraApplication).Assembly, typeof(LiveStreamManager).Assembly, typeof(RtmpOptions).Assembly, typeof(DatabaseOptions).Assembly, typeof(ObjectStoreOptions).Assembly];
        return assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t.IsClass && t.Name.EndsWith("Options", StringComparison.Ordinal)
                && t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true })
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The options types registered with ValidateOnStart. The options library keeps them in an internal
    /// StartupValidatorOptions; reading it is the only way to see what start-up will check without starting.
    /// </summary>
    private static List<Type> StartupValidatedTypes(IServiceProvider services)
    {
        var startupOptions = typeof(OptionsBuilder<>).Assembly.GetType("Microsoft.Extensions.Options.StartupValidatorOptions", throwOnError: true)!;
        var optionsType = typeof(IOptions<>).MakeGenericType(startupOptions);
        var value = optionsType.GetProperty(nameof(IOptions<object>.Value))!.GetValue(services.GetRequiredService(optionsType));
        var validators = (IDictionary)startupOptions.GetProperty("_validators")!.GetValue(value)!;
        var types = new List<Type>();
        foreach (var key in validators.Keys)
        {
            types.Add(((ValueTuple<Type, string>)key).Item1);
        }

        return types;
    }
}
