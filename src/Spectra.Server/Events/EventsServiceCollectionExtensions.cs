namespace Spectra.Server.Events;

internal static class EventsServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddSpectraEvents(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IEventBus, InProcessEventBus>();
        return builder;
    }
}
