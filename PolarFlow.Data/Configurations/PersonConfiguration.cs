using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarFlow.Data.Entities;

namespace PolarFlow.Data.Configurations;

public sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public const int UsernameMaxLength = 100;

    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("people");
        builder.HasKey(x => x.PersonId);
        builder.Property(x => x.Username).HasMaxLength(UsernameMaxLength);
        builder.HasIndex(x => x.Username).IsUnique();
        builder.Property(x => x.PasswordHash).HasMaxLength(200);
        builder.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.UserId).HasMaxLength(PolarUserConfiguration.UserIdMaxLength);
        builder.HasOne<PolarUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("ck_people_member_has_user", "role <> 'Member' OR user_id IS NOT NULL"));
    }
}
