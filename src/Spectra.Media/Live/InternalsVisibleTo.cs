using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Spectra.Media.Tests")]
