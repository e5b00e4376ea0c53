namespace PolarFlow.Analytics.TrainingLoad;

/// <summary>
/// Banister's TRIMP (analytics-methods.md §4): minutes · ΔHR · 0.64·e^(1.92·ΔHR) for men, 0.86·e^(1.67·ΔHR) for
/// women, ΔHR = (HRavg − HRrest)/(HRmax − HRrest). Only when HRmax and HRrest are known; the men's coefficients
/// are used unless physical information says FEMALE.
/// </summary>
public static class Trimp
{
    public static double? Banister(TimeSpan? duration, int? hrAvg, int? hrRest, int? hrMax, string? sex)
    {
        if (duration is not { } d || hrAvg is not { } avg || hrRest is not { } rest || hrMax is not { } max || max <= rest) return null;
        var delta = Math.Clamp((avg - rest) / (double)(max - rest), 0, 1);
        var female = string.Equals(sex, "FEMALE", StringComparison.OrdinalIgnoreCase);
        return d.TotalMinutes * delta * (female ? 0.86 * Math.Exp(1.67 * delta) : 0.64 * Math.Exp(1.92 * delta));
    }
}
