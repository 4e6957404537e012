using Microsoft.EntityFrameworkCore;
using Spectra.Data.Entities.Live;

namespace Spectra.Data;

public partial class SpectraDbContext
{
    public DbSet<StreamSession> StreamSessions => Set<StreamSession>();

    public DbSet<RestreamDestination> RestreamDestinations => Set<RestreamDestination>();
}
