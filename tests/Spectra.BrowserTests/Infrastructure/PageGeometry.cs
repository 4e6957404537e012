using System.Text.Json;
using Microsoft.Playwright;

namespace Spectra.BrowserTests.Infrastructure;

/// <summary>A rectangle in CSS pixels relative to the viewport (getBoundingClientRect).</summary>
public readonly record struct Box(double Left, double Top, double Width, double Height)
{
    public double Right => Left + Width;

    public double Bottom => Top + Height;

    public override string ToString() => FormattableString.Invariant($"({Left:0.#}, {Top:0.#}) {Width:0.#}×{Height:0.#}");

    internal static Box From(JsonElement e) =>
        new(e.GetProperty("left").GetDouble(), e.GetProperty("top").GetDouble(), e.GetProperty("width").GetDouble(), e.GetProperty("height").GetDouble());
}

/// <summary>Measurements of rendered pages, made in the page with the DOM's own geometry.</summary>
public static class PageGeometry
{
    private const string OverflowScript = """
        () => {
          const root = document.scrollingElement;
          const width = root.clientWidth;
          const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + [...el.classList].map(c => '.' + c).join('');
          const culprits = [];
          if (root.scrollWidth > width) {
            for (const el of document.body.querySelectorAll('*')) {
              const r = el.getBoundingClientRect();
              if (r.width === 0 || r.right <= width + 0.5) continue;
              if (el.parentElement && el.parentElement !== document.body && el.parentElement.getBoundingClientRect().right > width + 0.5) continue;
              culprits.push(describe(el) + ' reaches ' + Math.round(r.right + window.scrollX) + ' px');
              if (culprits.length === 8) break;
            }
          }
          return { scrollWidth: root.scrollWidth, clientWidth: width, culprits };
        }
        """;

    private const string BoxScript = "el => { const r = el.getBoundingClientRect(); return { left: r.left, top: r.top, width: r.width, height: r.height }; }";

    /// <summary>
    /// The page's scroll width and client width, and when the page scrolls sideways the outermost
    /// elements reaching past the right edge (at most 8).
    /// </summary>
    public static async Task<(int ScrollWidth, int ClientWidth, IReadOnlyList<string> Culprits)> HorizontalOverflowAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.EvaluateAsync<JsonElement>(OverflowScript);
        return (result.GetProperty("scrollWidth").GetInt32(), result.GetProperty("clientWidth").GetInt32(),
            [.. result.GetProperty("culprits").EnumerateArray().Select(c => c.GetString()!)]);
    }

    public static async Task<Box> BoxAsync(ILocator element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return Box.From(await element.EvaluateAsync<JsonElement>(BoxScript));
    }

    /// <summary>
    /// Where the picture of a &lt;video&gt; is drawn: its box, the intrinsic size (videoWidth/videoHeight)
    /// and the rectangle the picture covers given object-fit and object-position (CSS Images 3 §5.5).
    /// </summary>
    public static async Task<(Box Element, int VideoWidth, int VideoHeight, string ObjectFit, Box Picture)> VideoPictureAsync(ILocator video)
    {
        ArgumentNullException.ThrowIfNull(video);
        var result = await video.EvaluateAsync<JsonElement>("""
            v => {
              const r = v.getBoundingClientRect();
              const style = getComputedStyle(v);
              const fit = style.objectFit;
              const vw = v.videoWidth, vh = v.videoHeight;
              let w = r.width, h = r.height;
              const contain = Math.min(r.width / vw, r.height / vh);
              const cover = Math.max(r.width / vw, r.height / vh);
              if (fit === 'contain') { w = vw * contain; h = vh * contain; }
              else if (fit === 'cover') { w = vw * cover; h = vh * cover; }
              else if (fit === 'none') { w = vw; h = vh; }
              else if (fit === 'scale-down') { const s = Math.min(1, contain); w = vw * s; h = vh * s; }
              const position = style.objectPosition.split(' ');
              const place = (value, free) => value.endsWith('%') ? free * parseFloat(value) / 100 : parseFloat(value);
              const left = r.left + place(position[0] ?? '50%', r.width - w);
              const top = r.top + place(position[1] ?? '50%', r.height - h);
              return {
                element: { left: r.left, top: r.top, width: r.width, height: r.height },
                videoWidth: vw, videoHeight: vh, fit,
                picture: { left, top, width: w, height: h },
              };
            }
            """);
        return (Box.From(result.GetProperty("element")), result.GetProperty("videoWidth").GetInt32(), result.GetProperty("videoHeight").GetInt32(),
            result.GetProperty("fit").GetString()!, Box.From(result.GetProperty("picture")));
    }

    /// <summary>
    /// Elements inside <paramref name="container"/> whose visible part (after clipping by scrolling or clipping
    /// ancestors inside the container) reaches outside the container's box by more than half a pixel.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ElementsOutsideAsync(ILocator container)
    {
        ArgumentNullException.ThrowIfNull(container);
        var result = await container.EvaluateAsync<JsonElement>("""
            panel => {
              const outer = panel.getBoundingClientRect();
              const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + [...el.classList].map(c => '.' + c).join('');
              const out = [];
              for (const el of panel.querySelectorAll('*')) {
                if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: false })) continue;
                let r = el.getBoundingClientRect();
                if (r.width === 0 || r.height === 0) continue;
                let left = r.left, top = r.top, right = r.right, bottom = r.bottom;
                for (let a = el.parentElement; a && a !== panel; a = a.parentElement) {
                  const s = getComputedStyle(a);
                  if (s.overflowX !== 'visible' || s.overflowY !== 'visible') {
                    const c = a.getBoundingClientRect();
                    left = Math.max(left, c.left); top = Math.max(top, c.top); right = Math.min(right, c.right); bottom = Math.min(bottom, c.bottom);
                  }
                }
                if (right - left <= 0 || bottom - top <= 0) continue;
                if (left < outer.left - 0.5 || top < outer.top - 0.5 || right > outer.right + 0.5 || bottom > outer.bottom + 0.5) {
                  out.push(`${describe(el)} at (${Math.round(left)}, ${Math.round(top)})–(${Math.round(right)}, ${Math.round(bottom)})`);
                }
              }
              return { outer: `(${Math.round(outer.left)}, ${Math.round(outer.top)})–(${Math.round(outer.right)}, ${Math.round(outer.bottom)})`, out };
            }
            """);
        return [.. result.GetProperty("out").EnumerateArray().Select(e => e.GetString() + " outside " + result.GetProperty("outer").GetString())];
    }
}
