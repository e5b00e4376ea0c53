namespace PolarFlow.AccessLink.Emulator.State;

/// <summary>The emulator's "now": real time plus an offset that tests move, so new data arrives on demand.</summary>
public sealed class EmulatorClock(TimeProvider time)
{
    private long _offsetTicks;

    public DateTimeOffset UtcNow => time.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _offsetTicks, (now - time.GetUtcNow()).Ticks);
}
