namespace PolarFlow.Data.Entities;

public enum PersonRole
{
    Owner,
    Member,
}
