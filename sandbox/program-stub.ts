import type { ProgramService } from "../src/ui/services";

/** A program service that is never updated: for dashboards built by hand, outside the plugin. */
export function idleProgram(): ProgramService {
	return { updated: () => null, shippedDate: "2023-11-19", updating: () => false, update: async () => undefined };
}
