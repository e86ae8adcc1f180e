using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assembly.Storage.Configuration;

public sealed class InstanceConfiguration : IEntityTypeConfiguration<Instance>
{
    public void Configure(EntityTypeBuilder<Instance> b)
    {
        b.ToTable("Instances");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).HasMaxLength(Instance.IdLength);
    }
}
