/**
 * The few database operations spnet needs, so the rest of the code never
 * knows whether it runs on embedded PGlite or a PostgreSQL server (after
 * Kysely's `PostgresPool`). Both adapters speak PostgreSQL's SQL.
 */
export type QueryResult<R> = { readonly rows: R[]; readonly affectedRows?: number | undefined }

export type Queryable = {
  query<R = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<R>>
}

/** One connection, held until released (a transaction runs on one). */
export type Connection = Queryable & { release(): void }

export type Db = Queryable & {
  readonly kind: 'pglite' | 'postgres'
  /** A connection of its own (PGlite has one, lent out one caller at a time). */
  connect(): Promise<Connection>
  close(): Promise<void>
}

/** Runs `fn` in a transaction on one connection: committed if it returns, rolled back if it throws. */
export async function transaction<T>(db: Db, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  const connection = await db.connect()
  try {
    await connection.query('begin')
    const result = await fn(connection)
    await connection.query('commit')
    return result
  } catch (error) {
    await connection.query('rollback').catch(() => undefined)
    throw error
  } finally {
    connection.release()
  }
}
