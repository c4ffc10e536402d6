import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
} from 'kysely'
import type { Connection, Db } from './db.js'
import type { Database } from './schema.js'

/**
 * Kysely over spnet's minimal Db interface: Kysely builds and types the
 * queries; the adapters (PGlite, pg) only run SQL.
 */
export function kyselyOf(db: Db): Kysely<Database> {
  return new Kysely<Database>({ dialect: dialectOf(db) })
}

function dialectOf(db: Db): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DbDriver(db),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  }
}

class DbDriver implements Driver {
  constructor(private readonly db: Db) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return new DbConnection(await this.db.connect())
  }
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'))
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'))
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'))
  }
  releaseConnection(connection: DatabaseConnection): Promise<void> {
    if (connection instanceof DbConnection) connection.connection.release()
    return Promise.resolve()
  }
  async destroy(): Promise<void> {}
}

class DbConnection implements DatabaseConnection {
  constructor(readonly connection: Connection) {}
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.connection.query<R>(query.sql, query.parameters)
    return {
      rows: result.rows,
      ...(result.affectedRows === undefined
        ? {}
        : { numAffectedRows: BigInt(result.affectedRows) }),
    }
  }
  streamQuery(): AsyncIterableIterator<QueryResult<never>> {
    throw new Error('store/kysely: streaming is not supported')
  }
}
