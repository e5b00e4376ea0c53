namespace PolarFlow.ApiService.Common;

/// <summary>A resolved date window, both ends included.</summary>
public sealed record DateRange(DateOnly From, DateOnly To)
{
    public const int MaxDays = 3650;

    public int Days => To.DayNumber - From.DayNumber + 1;
}
