import Foundation
import Testing

@testable import TablemendBatch

@Suite("InputWalker")
struct InputWalkerTests {
  func tree() throws -> TemporaryFolder {
    let tmp = try TemporaryFolder()
    for path in [
      "in/a.txt", "in/b.DOCX", "in/c.xml", "in/d.pdf", "in/e.txt.json", "in/.x.txt",
      "in/.git/config.txt", "in/2021/f.txt", "in/2021/drafts/g.txt", "in/2021/~$h.docx",
      "in/out/old.txt", "in/k.xlsx", "in/l.XLS", "in/m.et", "in/n.ods",
    ] {
      try tmp.write(path, "x")
    }
    return tmp
  }

  func relative(_ result: WalkResult, _ tmp: TemporaryFolder) -> [String] {
    let root = tmp.url.appendingPathComponent("in").standardizedFileURL.path + "/"
    return result.inputs.map { String($0.path.dropFirst(root.count)) }
  }

  @Test("walks recursively, takes reader extensions, skips hidden, lock files and the output")
  func defaults() throws {
    let tmp = try tree()
    defer { tmp.remove() }
    let result = InputWalker().walk(
      [tmp.url.appendingPathComponent("in")], skipping: tmp.url.appendingPathComponent("in/out"))
    #expect(
      relative(result, tmp) == [
        "2021/drafts/g.txt", "2021/f.txt", "a.txt", "b.DOCX", "c.xml", "d.pdf", "k.xlsx", "l.XLS",
        "m.et",
      ])
    #expect(result.failures.isEmpty)
    #expect(result.notInputs.map(\.type).sorted() == [".json", "spreadsheet"])
  }

  @Test("include replaces the extension list; exclude drops files and whole folders")
  func globs() throws {
    let tmp = try tree()
    defer { tmp.remove() }
    let walker = InputWalker(
      include: [Glob("*.txt"), Glob("*.pdf")], exclude: [Glob("drafts"), Glob("out")])
    let result = walker.walk([tmp.url.appendingPathComponent("in")])
    #expect(relative(result, tmp) == ["2021/f.txt", "a.txt", "d.pdf"])
    let noDrafts = InputWalker(exclude: [Glob("2021/drafts")]).walk([
      tmp.url.appendingPathComponent("in")
    ])
    #expect(!relative(noDrafts, tmp).contains("2021/drafts/g.txt"))
    #expect(relative(noDrafts, tmp).contains("2021/f.txt"))
    let noF = InputWalker(exclude: [Glob("f.*")]).walk([tmp.url.appendingPathComponent("in/2021")])
    #expect(noF.inputs.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["g.txt"])
  }

  @Test("a file argument is taken whatever its extension; duplicates collapse; missing fails")
  func arguments() throws {
    let tmp = try tree()
    defer { tmp.remove() }
    let result = InputWalker().walk([
      tmp.url.appendingPathComponent("in/d.pdf"), tmp.url.appendingPathComponent("in/2021"),
      tmp.url.appendingPathComponent("in/2021/./f.txt"), tmp.url.appendingPathComponent("none"),
    ])
    // d.pdf, then 2021/drafts/g.txt and 2021/f.txt (named twice, taken once).
    #expect(result.inputs.count == 3)
    #expect(result.inputs.contains { $0.path.hasSuffix("in/d.pdf") })
    #expect(result.failures.count == 1)
    #expect(result.failures.first?.error.hasSuffix("none: no such file or folder") == true)
  }
}
