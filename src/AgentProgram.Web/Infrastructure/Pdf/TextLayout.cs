using SkiaSharp;

namespace AgentProgram.Web.Infrastructure.Pdf;

/// <summary>A run of text in one style; a paragraph is a list of spans.</summary>
public sealed record TextSpan(string Text, TextStyle Style);

/// <summary>
/// A paragraph broken into lines for one width. Lines break at whitespace (or "\n"); a word wider than the line is
/// cut between characters. A single-style paragraph that fits on one line keeps no arrays at all (table cells).
/// </summary>
internal sealed class TextLayout
{
    private readonly IReadOnlyList<TextSpan> spans;
    private readonly TextAlign align;
    private readonly Word[]? words;
    private readonly Line[]? lines;

    // Fast path: one span, one line.
    private readonly float singleWidth;
    private readonly PdfResources.FontEntry? singleFont;

    private TextLayout(IReadOnlyList<TextSpan> spans, TextAlign align, Word[]? words, Line[]? lines, float singleWidth, PdfResources.FontEntry? singleFont, float height)
    {
        this.spans = spans;
        this.align = align;
        this.words = words;
        this.lines = lines;
        this.singleWidth = singleWidth;
        this.singleFont = singleFont;
        Height = height;
    }

    public float Height { get; }

    public int LineCount => lines?.Length ?? 1;

    public float LineHeight(int line) => lines is null ? singleFont!.LineHeight : lines[line].Height;

    /// <summary>Height of lines [from, to).</summary>
    public float HeightOf(int from, int to)
    {
        if (lines is null)
        {
            return from < to ? Height : 0;
        }
        float h = 0;
        for (var i = from; i < to; i++)
        {
            h += lines[i].Height;
        }
        return h;
    }

    public static TextLayout Create(PdfResources res, IReadOnlyList<TextSpan> spans, TextAlign align, float width)
    {
        if (spans.Count == 1)
        {
            var span = spans[0];
            var text = span.Text;
            if (text.Length > 0 && !text.Contains('\n', StringComparison.Ordinal) && !char.IsWhiteSpace(text[0]))
            {
                var font = res.Font(span.Style);
                var w = font.MeasureUncached(text);
                if (w <= width)
                {
                    return new TextLayout(spans, align, null, null, w, font, font.LineHeight);
                }
            }
        }
        var wordList = Tokenize(res, spans, width);
        var lineList = BreakLines(res, spans, wordList, width);
        float height = 0;
        foreach (var line in lineList)
        {
            height += line.Height;
        }
        return new TextLayout(spans, align, [.. wordList], [.. lineList], 0, null, height);
    }

    public static TextLayout Create(PdfResources res, string text, TextStyle style, TextAlign align, float width) =>
        Create(res, [new TextSpan(text, style)], align, width);

    private static List<Word> Tokenize(PdfResources res, IReadOnlyList<TextSpan> spans, float width)
    {
        var result = new List<Word>();
        var hadSpace = true;
        var breaks = 0;
        for (var s = 0; s < spans.Count; s++)
        {
            var text = spans[s].Text;
            var font = res.Font(spans[s].Style);
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '\n')
                {
                    breaks++;
                    hadSpace = true;
                    i++;
                    continue;
                }
                if (char.IsWhiteSpace(c))
                {
                    hadSpace = true;
                    i++;
                    continue;
                }
                var j = i;
                while (j < text.Length && !char.IsWhiteSpace(text[j]))
                {
                    j++;
                }
                var space = result.Count > 0 && hadSpace && breaks == 0 ? font.SpaceWidth : 0;
                var glued = result.Count > 0 && !hadSpace;
                var w = font.Measure(text.AsSpan(i, j - i));
                if (w <= width || j - i == 1)
                {
                    result.Add(new Word(s, i, j - i, w, space, glued, breaks));
                }
                else
                {
                    // A word wider than the line: cut it between characters; the pieces after the first may start lines.
                    var start = i;
                    var first = true;
                    while (start < j)
                    {
                        var len = FitChars(font, text.AsSpan(start, j - start), width);
                        var piece = font.Measure(text.AsSpan(start, len));
                        result.Add(new Word(s, start, len, piece, first ? space : 0, first && glued, first ? breaks : 0));
                        first = false;
                        start += len;
                    }
                }
                hadSpace = false;
                breaks = 0;
                i = j;
            }
        }
        return result;
    }

    private static int FitChars(PdfResources.FontEntry font, ReadOnlySpan<char> text, float width)
    {
        int lo = 1, hi = text.Length;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (font.Font.MeasureText(text[..mid]) <= width)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private static List<Line> BreakLines(PdfResources res, IReadOnlyList<TextSpan> spans, List<Word> words, float width)
    {
        var lines = new List<Line>();
        if (words.Count == 0)
        {
            var font = res.Font(spans.Count > 0 ? spans[0].Style : new TextStyle(11));
            lines.Add(new Line(0, 0, 0, font.LineHeight, font.Ascent + ((font.LineHeight - font.Ascent - font.Descent) / 2), true));
            return lines;
        }
        int first = 0, count = 0;
        float x = 0;
        var i = 0;
        while (i < words.Count)
        {
            var k = i;
            var clusterWidth = words[i].Width;
            while (k + 1 < words.Count && words[k + 1].Glued && words[k + 1].Breaks == 0)
            {
                k++;
                clusterWidth += words[k].Width;
            }
            var breaks = words[i].Breaks;
            if (breaks > 0)
            {
                if (count > 0 || lines.Count > 0 || i > 0)
                {
                    lines.Add(MakeLine(res, spans, words, first, count, x, true));
                    for (var b = 1; b < breaks; b++)
                    {
                        lines.Add(MakeLine(res, spans, words, i, 0, 0, true));
                    }
                }
                first = i;
                count = 0;
                x = 0;
            }
            else if (count > 0 && x + words[i].SpaceBefore + clusterWidth > width)
            {
                lines.Add(MakeLine(res, spans, words, first, count, x, false));
                first = i;
                count = 0;
                x = 0;
            }
            x += (count > 0 ? words[i].SpaceBefore : 0) + clusterWidth;
            count += k - i + 1;
            i = k + 1;
        }
        lines.Add(MakeLine(res, spans, words, first, count, x, true));
        return lines;
    }

    private static Line MakeLine(PdfResources res, IReadOnlyList<TextSpan> spans, List<Word> words, int first, int count, float width, bool last)
    {
        float ascent = 0, descent = 0, height = 0;
        var n = count == 0 ? Math.Min(1, words.Count - first) : count;
        for (var i = first; i < first + n; i++)
        {
            var font = res.Font(spans[words[i].Span].Style);
            ascent = Math.Max(ascent, font.Ascent);
            descent = Math.Max(descent, font.Descent);
            height = Math.Max(height, font.LineHeight);
        }
        if (height == 0)
        {
            var font = res.Font(spans[0].Style);
            (ascent, descent, height) = (font.Ascent, font.Descent, font.LineHeight);
        }
        var baseline = ascent + ((height - ascent - descent) / 2);
        return new Line(first, count, width, height, baseline, last);
    }

    /// <summary>Draws lines [from, to) with the top of line <paramref name="from"/> at <paramref name="top"/>.</summary>
    public void Draw(DrawContext dc, float left, float top, float width, int from, int to)
    {
        if (lines is null)
        {
            if (from > 0 || to < 1)
            {
                return;
            }
            var font = singleFont!;
            var x = align switch
            {
                TextAlign.Center => left + ((width - singleWidth) / 2),
                TextAlign.Right => left + width - singleWidth,
                _ => left,
            };
            var baseline = top + font.Ascent + ((font.LineHeight - font.Ascent - font.Descent) / 2);
            DrawRun(dc, spans[0], spans[0].Text, x, baseline, singleWidth, font);
            return;
        }
        var y = top;
        for (var l = from; l < to && l < lines.Length; l++)
        {
            DrawLine(dc, lines[l], left, y, width);
            y += lines[l].Height;
        }
    }

    private void DrawLine(DrawContext dc, in Line line, float left, float top, float width)
    {
        if (line.Count == 0)
        {
            return;
        }
        var baseline = top + line.Baseline;
        var gaps = 0;
        for (var i = line.First + 1; i < line.First + line.Count; i++)
        {
            if (!words![i].Glued)
            {
                gaps++;
            }
        }
        var justify = align == TextAlign.Justify && !line.Last && gaps > 0;
        var x = align switch
        {
            TextAlign.Center => left + ((width - line.Width) / 2),
            TextAlign.Right => left + width - line.Width,
            _ => left,
        };
        if (justify)
        {
            var extra = (width - line.Width) / gaps;
            for (var i = line.First; i < line.First + line.Count; i++)
            {
                var word = words![i];
                if (i > line.First && !word.Glued)
                {
                    x += word.SpaceBefore + extra;
                }
                var span = spans[word.Span];
                var font = dc.Resources.Font(span.Style);
                DrawRun(dc, span, span.Text.Substring(word.Start, word.Length), x, baseline, word.Width, font);
                x += word.Width;
            }
            return;
        }
        // Consecutive words of one span are drawn as one string (fewer PDF text operations).
        var runStart = line.First;
        var runX = x;
        float runWidth = 0;
        for (var i = line.First; i < line.First + line.Count; i++)
        {
            var word = words![i];
            if (i > runStart && word.Span != words[runStart].Span)
            {
                FlushRun(dc, runStart, i - 1, runX, baseline, runWidth);
                runX += runWidth;
                runWidth = 0;
                runStart = i;
            }
            runWidth += (i > line.First ? word.SpaceBefore : 0) + word.Width;
            if (i == runStart && i > line.First)
            {
                // The space before a new run belongs to the gap, not to the drawn string.
                runX += word.SpaceBefore;
                runWidth -= word.SpaceBefore;
            }
        }
        FlushRun(dc, runStart, line.First + line.Count - 1, runX, baseline, runWidth);
    }

    private void FlushRun(DrawContext dc, int firstWord, int lastWord, float x, float baseline, float width)
    {
        var a = words![firstWord];
        var b = words[lastWord];
        var span = spans[a.Span];
        var text = a.Start == 0 && b.Start + b.Length == span.Text.Length ? span.Text : span.Text.Substring(a.Start, b.Start + b.Length - a.Start);
        DrawRun(dc, span, text, x, baseline, width, dc.Resources.Font(span.Style));
    }

    private static void DrawRun(DrawContext dc, TextSpan span, string text, float x, float baseline, float width, PdfResources.FontEntry font)
    {
        var paint = dc.Resources.Fill(span.Style.EffectiveColor);
        dc.Canvas.DrawText(text, x, baseline, font.Font, paint);
        if (span.Style.Underline)
        {
            var thickness = Math.Max(0.5f, span.Style.Size / 16);
            dc.Canvas.DrawRect(x, baseline + (span.Style.Size * 0.12f), width, thickness, paint);
        }
    }

    private readonly record struct Word(int Span, int Start, int Length, float Width, float SpaceBefore, bool Glued, int Breaks);

    private readonly record struct Line(int First, int Count, float Width, float Height, float Baseline, bool Last);
}

/// <summary>What a fragment needs while it is drawn.</summary>
internal sealed class DrawContext(SKCanvas canvas, PdfResources resources, PageInfo page)
{
    public SKCanvas Canvas { get; } = canvas;

    public PdfResources Resources { get; } = resources;

    public PageInfo Page { get; } = page;
}
