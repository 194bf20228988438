import Foundation
import GRDB
import Tablemend
import Testing

@testable import TablemendBatch

/// `tablemend.sqlite` holds every part of the model, relationally, and a database an older
/// tablemend wrote is carried forward by the migrations.
@Suite struct SQLiteSchemaTests {
  static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../corpus").standardizedFileURL

  /// A self-evaluation form with result and score columns.
  static let selfEvaluation = """
    项目支出绩效自评表
    一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分
    产出指标 | 数量指标 | 培训人次 | ≥100人次 | 120人次 | 10 | 10
    产出指标 | 质量指标 | 培训合格率 | ≥95% | 98% | 10 | 9
    """

  func written(_ files: [String]) throws -> (DatabaseQueue, TemporaryFolder) {
    let tmp = try TemporaryFolder()
    let url = tmp.url.appendingPathComponent("t.sqlite")
    let writer = try SQLiteWriter(url: url)
    for file in files {
      let document = try Converter().convert(fileAt: Self.corpus.appendingPathComponent(file))
      try writer.insert(document)
    }
    try writer.insert(
      try Converter().convert(data: Data(Self.selfEvaluation.utf8), path: "self-evaluation.txt"))
    try writer.finish(path: url.path)
    return (try DatabaseQueue(path: url.path), tmp)
  }

  @Test func fundsGoalsFieldsAndEvaluationsAreTablesOfTheirOwn() throws {
    let (db, tmp) = try written([
      "seeds/000_8ec80c4d32cadcc0.txt", "seeds/002_2504e2a5ee8feded.txt",
    ])
    defer { tmp.remove() }
    let (version, funds, goals, department, scores, years, broken) = try db.read { db in
      (
        try Int.fetchOne(db, sql: "SELECT version FROM schema_version"),
        // Seed 002's five project forms each have funds.
        try Int.fetchOne(
          db,
          sql: """
            SELECT count(*) FROM funds JOIN documents d ON d.id = funds.document_id
            WHERE d.path LIKE '%002_2504e2a5ee8feded.txt'
            """) ?? 0,
        try Int.fetchOne(db, sql: "SELECT count(*) FROM goals") ?? 0,
        try String.fetchOne(db, sql: "SELECT value FROM fields WHERE name = '部门(单位)名称'"),
        // The self-evaluation's scores are rows of `evaluations`.
        try Int.fetchOne(db, sql: "SELECT count(*) FROM evaluations WHERE label = '得分'") ?? 0,
        // Indicators carry the form's year.
        try Int.fetchOne(db, sql: "SELECT count(*) FROM indicators WHERE year IS NOT NULL") ?? 0,
        try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count
      )
    }
    #expect(version == SQLiteSchema.version)
    #expect(funds >= 10)
    #expect(goals > 0)
    #expect(department == "中共鄂州市委机构编制委员会办公室")
    #expect(scores == 2)
    #expect(years > 0)
    #expect(broken == 0)
    try db.close()
  }

  @Test func aVersionOneDatabaseIsCarriedForwardWithItsRows() throws {
    let tmp = try TemporaryFolder()
    defer { tmp.remove() }
    let db = try DatabaseQueue(path: tmp.url.appendingPathComponent("old.sqlite").path)
    try SQLiteSchema.migrator.migrate(db, upTo: "v1")
    try db.write { db in
      try db.execute(
        sql: """
          INSERT INTO documents (path, sha256, encoding, dialect, model, tables, forms,
            indicators, diagnostics) VALUES ('a.txt', 'x', 'utf-8', 'pipe-rows', 'tablemend/1',
            1, 1, 1, 0);
          INSERT INTO forms (document_id, ordinal, kind, title, year, name, fields, line,
            "column") VALUES (1, 0, 'project', 't', 2022, 'n', '{}', 1, 1);
          INSERT INTO indicators (form_id, document_id, ordinal, period, level1, level2, level3,
            raw, kind, value_json, line, "column") VALUES (1, 1, 0, 'annual', '产出指标',
            '数量指标', '培训人次', '≥100人次', 'comparison', '{}', 2, 1);
          """)
    }
    let hadFunds = try db.read { try $0.tableExists("funds") }
    #expect(!hadFunds)
    try SQLiteSchema.migrator.migrate(db)
    let hasFunds = try db.read { try $0.tableExists("funds") }
    let (version, name, year, path) = try db.read { db in
      (
        try Int.fetchOne(db, sql: "SELECT version FROM schema_version"),
        try String.fetchOne(db, sql: "SELECT level3 FROM indicators"),
        try Int.fetchOne(db, sql: "SELECT year FROM indicators"),
        try String.fetchOne(db, sql: "SELECT path FROM document_paths WHERE document_id = 1")
      )
    }
    #expect(hasFunds)
    #expect(version == SQLiteSchema.version)
    // Version 3 gives every earlier document its path in document_paths.
    #expect(path != nil)
    #expect(name == "培训人次")
    #expect(year == 2022)
    try db.close()
  }
}
