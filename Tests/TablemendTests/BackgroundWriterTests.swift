import Dispatch
import Foundation
import Synchronization
import Testing

@testable import Tablemend

/// `BackgroundWriter` (what `convert -o` writes through) keeps the chunks' order and stops at
/// the first failed write.
@Suite struct BackgroundWriterTests {
  struct Full: Error {}

  @Test func chunksArriveInOrderWhileTheSinkIsHeld() throws {
    let written = Mutex<[UInt8]>([])
    let gate = DispatchSemaphore(value: 0)
    let writer = BackgroundWriter(depth: 4) { chunk in
      // The first chunk waits until all four are handed over: the rest wait in the queue.
      if written.withLock({ $0.isEmpty }) { gate.wait() }
      written.withLock { $0 += chunk }
    }
    for byte: UInt8 in 1...4 {
      try [byte].withUnsafeBytes { try writer.write($0) }
    }
    gate.signal()
    #expect(writer.finish() == nil)
    #expect(written.withLock { $0 } == [1, 2, 3, 4])
  }

  @Test func aFailedWriteDropsTheRestAndIsReported() throws {
    let written = Mutex<[UInt8]>([])
    let writer = BackgroundWriter(depth: 2) { chunk in
      if chunk.first == 2 { throw Full() }
      written.withLock { $0 += chunk }
    }
    for byte: UInt8 in 1...5 {
      // A write after the failure is seen throws it; which one that is depends on the thread.
      try? [byte].withUnsafeBytes { try writer.write($0) }
    }
    #expect(writer.finish() is Full)
    #expect(written.withLock { $0 } == [1])
  }
}
