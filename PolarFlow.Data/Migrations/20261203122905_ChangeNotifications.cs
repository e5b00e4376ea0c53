using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolarFlow.Data.Migrations
{
    /// <summary>
    /// Every writer's change to what the API keeps in memory is announced on `polarflow_changes` in the writer's own
    /// transaction (PostgreSQL delivers it at commit): a user's new data version or deletion, an API key's revocation,
    /// change or deletion (cascaded deletes included); not the key's last use, which the API writes itself.
    /// </summary>
    public partial class ChangeNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION polarflow.notify_user_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('polarflow_changes', 'user:' || OLD.user_id);
                    RETURN NULL;
                END $$;
                CREATE TRIGGER users_changed AFTER UPDATE OF data_version OR DELETE ON polarflow.users
                    FOR EACH ROW EXECUTE FUNCTION polarflow.notify_user_changed();

                CREATE FUNCTION polarflow.notify_key_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('polarflow_changes', 'key:' || OLD.key_id);
                    RETURN NULL;
                END $$;
                CREATE TRIGGER api_keys_changed AFTER UPDATE OF key_hash, kind, name, revoked_at, user_id OR DELETE ON polarflow.api_keys
                    FOR EACH ROW EXECUTE FUNCTION polarflow.notify_key_changed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER api_keys_changed ON polarflow.api_keys;
                DROP FUNCTION polarflow.notify_key_changed();
                DROP TRIGGER users_changed ON polarflow.users;
                DROP FUNCTION polarflow.notify_user_changed();
                """);
        }
    }
}
