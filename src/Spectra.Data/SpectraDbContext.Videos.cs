using Microsoft.EntityFrameworkCore;
using Spectra.Data.Entities.Videos;

namespace Spectra.Data;

public partial class SpectraDbContext
{
    public DbSet<Video> Videos => Set<Video>();
}
