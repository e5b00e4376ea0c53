// Decodes a FIT file with Garmin's FIT SDK and prints what a test needs to judge it, as JSON.
// Usage: node decode.mjs file.fit
import { readFileSync } from "node:fs";
import { Decoder, Stream } from "@garmin/fitsdk";

const stream = Stream.fromBuffer(readFileSync(process.argv[2]));
const decoder = new Decoder(stream);
const result = {
  isFit: Decoder.isFIT(stream),
  integrity: decoder.checkIntegrity(),
};
const { messages, errors } = decoder.read({ convertTypesToStrings: true });
result.errors = errors.map(String);
result.fileType = messages.fileIdMesgs?.[0]?.type ?? null;
result.records = messages.recordMesgs?.length ?? 0;
result.recordsWithPosition = (messages.recordMesgs ?? []).filter(r => r.positionLat !== undefined).length;
result.sessions = (messages.sessionMesgs ?? []).map(s => ({ sport: s.sport, avgHeartRate: s.avgHeartRate, maxHeartRate: s.maxHeartRate, totalTimerTime: s.totalTimerTime, totalDistance: s.totalDistance, totalCalories: s.totalCalories }));
result.activities = messages.activityMesgs?.length ?? 0;
console.log(JSON.stringify(result));
