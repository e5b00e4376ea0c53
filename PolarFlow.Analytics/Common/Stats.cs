namespace PolarFlow.Analytics.Common;

/// <summary>The statistics every method uses, in one place (sample SD, median, MAD, least-squares slope).</summary>
public static class Stats
{
    public static double Mean(IReadOnlyList<double> xs) => xs.Average();

    /// <summary>Sample standard deviation (n − 1); null for fewer than two values.</summary>
    public static double? SampleSd(IReadOnlyList<double> xs)
    {
        if (xs.Count < 2) return null;
        var mean = xs.Average();
        return Math.Sqrt(xs.Sum(x => (x - mean) * (x - mean)) / (xs.Count - 1));
    }

    public static double Median(IReadOnlyList<double> xs) => MedianOfSorted(xs.Order().ToArray());

    /// <summary>The median of values already in ascending order.</summary>
    public static double MedianOfSorted(IReadOnlyList<double> sorted)
    {
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Median absolute deviation from the median (unscaled).</summary>
    public static double Mad(IReadOnlyList<double> xs)
    {
        var median = Median(xs);
        return Median(xs.Select(x => Math.Abs(x - median)).ToArray());
    }

    /// <summary>Least-squares slope of y over x; null for fewer than two points or no spread in x.</summary>
    public static double? Slope(IReadOnlyList<(double X, double Y)> points)
    {
        if (points.Count < 2) return null;
        var mx = points.Average(p => p.X);
        var my = points.Average(p => p.Y);
        var sxx = points.Sum(p => (p.X - mx) * (p.X - mx));
        return sxx == 0 ? null : points.Sum(p => (p.X - mx) * (p.Y - my)) / sxx;
    }

    /// <summary>Modified z-score of Iglewicz and Hoaglin: 0.6745 · (x − median) / MAD; null when the MAD is 0 (no spread).</summary>
    public static double? RobustZ(double x, IReadOnlyList<double> reference)
    {
        var mad = Mad(reference);
        return mad == 0 ? null : 0.6745 * (x - Median(reference)) / mad;
    }

    /// <summary>
    /// Benjamini-Hochberg adjusted p-values (q): sort ascending, q_(i) = min over j ≥ i of p_(j) · m / j, capped at 1,
    /// returned in the input order.
    /// </summary>
    public static double[] BenjaminiHochberg(IReadOnlyList<double> pValues)
    {
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        var q = new double[m];
        var running = 1.0;
        for (var rank = m; rank >= 1; rank--)
        {
            var i = order[rank - 1];
            running = Math.Min(running, pValues[i] * m / rank);
            q[i] = running;
        }
        return q;
    }
}
