using Spectra.Server.Infrastructure;
namespace Spectra.Server.Community.Schedule;

/// <summary>Scheduled shows, iCalendar and reminders (endpoints: MapScheduleApi).</summary>
internal static class ScheduleServiceCollectionExtensions
{
    public static IServiceCollection AddCommunitySchedule(this IServiceCollection services)
    {
        services.AddScoped<ScheduleService>();
        services.AddHostedSingleton<ScheduleNotifier>();
        return services;
    }
}
