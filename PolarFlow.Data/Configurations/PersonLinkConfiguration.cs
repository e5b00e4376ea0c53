using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarFlow.Data.Entities;

namespace PolarFlow.Data.Configurations;

public sealed class PersonLinkConfiguration : IEntityTypeConfiguration<PersonLink>
{
    public void Configure(EntityTypeBuilder<PersonLink> builder)
    {
        builder.ToTable("person_links");
        builder.HasKey(x => x.TokenHash);
        builder.Property(x => x.TokenHash).HasMaxLength(64);
        builder.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.UserId).HasMaxLength(PolarUserConfiguration.UserIdMaxLength);
        builder.HasOne<PolarUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
