using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PolarFlow.Data.Entities;

namespace PolarFlow.Data;

public sealed class PolarFlowDbContext(DbContextOptions<PolarFlowDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public const string Schema = "polarflow";
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    public DbSet<PolarUser> Users => Set<PolarUser>();
    public DbSet<SleepNight> Sleep => Set<SleepNight>();
    public DbSet<NightlyRecharge> NightlyRecharge => Set<NightlyRecharge>();
    public DbSet<DailyActivity> DailyActivity => Set<DailyActivity>();
    public DbSet<ActivitySamples> ActivitySamples => Set<ActivitySamples>();
    public DbSet<Exercise> Exercises => Set<Exercise>();
    public DbSet<ExerciseSample> ExerciseSamples => Set<ExerciseSample>();
    public DbSet<ExerciseRoute> ExerciseRoutes => Set<ExerciseRoute>();
    public DbSet<ExerciseFile> ExerciseFiles => Set<ExerciseFile>();
    public DbSet<ExerciseFileContent> ExerciseFileContents => Set<ExerciseFileContent>();
    public DbSet<ContinuousHeartRateDay> ContinuousHeartRate => Set<ContinuousHeartRateDay>();
    public DbSet<CardioLoadDay> CardioLoad => Set<CardioLoadDay>();
    public DbSet<SleepWiseAlertness> SleepWiseAlertness => Set<SleepWiseAlertness>();
    public DbSet<SleepWiseBedtime> SleepWiseBedtime => Set<SleepWiseBedtime>();
    public DbSet<BodyTemperaturePeriod> BodyTemperature => Set<BodyTemperaturePeriod>();
    public DbSet<SkinTemperatureNight> SkinTemperature => Set<SkinTemperatureNight>();
    public DbSet<SkinContactPeriod> SkinContacts => Set<SkinContactPeriod>();
    public DbSet<EcgTest> EcgTests => Set<EcgTest>();
    public DbSet<Spo2Test> Spo2Tests => Set<Spo2Test>();
    public DbSet<PhysicalInfoSnapshot> PhysicalInfo => Set<PhysicalInfoSnapshot>();
    public DbSet<SyncJob> SyncJobs => Set<SyncJob>();
    public DbSet<SyncCursor> SyncCursors => Set<SyncCursor>();
    public DbSet<ExerciseAnnouncement> ExerciseAnnouncements => Set<ExerciseAnnouncement>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<PersonLink> PersonLinks => Set<PersonLink>();
    public DbSet<HistoryImport> Imports => Set<HistoryImport>();
    public DbSet<HistoryImportFile> ImportFiles => Set<HistoryImportFile>();
    public DbSet<HistoryImportChunk> ImportChunks => Set<HistoryImportChunk>();
    public DbSet<PolarWebhookRegistration> PolarWebhooks => Set<PolarWebhookRegistration>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// The options every registration adds after UseNpgsql (the app, the tests, `dotnet ef`), so all build the
    /// same model. Not OnConfiguring: Aspire pools the context, and pooling forbids it.
    /// </summary>
    public static DbContextOptionsBuilder ConfigureOptions(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder
            .UseNpgsql(npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable, Schema))
            .UseSnakeCaseNamingConvention();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PolarFlowDbContext).Assembly);
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Polar sends many local times without a zone; those stay zone-less. Instants are DateTimeOffset (UTC).
        configurationBuilder.Properties<DateTime>().HaveColumnType("timestamp without time zone");
    }
}
