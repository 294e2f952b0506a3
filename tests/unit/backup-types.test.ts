import { expectTypeOf, test } from 'vitest';
import type * as v from 'valibot';
import type {
	BackupSchema,
	CareApplicationSchema,
	CheckInSchema,
	MorningAnswerSchema,
	ProgressionResetSchema,
	SessionSchema,
	SettingsSchema
} from '../../src/lib/core/backup';
import type {
	CheckIn,
	MorningAnswer,
	ProgressionReset,
	SessionRecord
} from '../../src/lib/core/history';
import type { CareApplication } from '../../src/lib/core/ice-heat';
import type { Settings } from '../../src/lib/storage/settings';

// svelte-check type-checks this file: a schema that drifts from its type fails `npm run check`.
test('what a backup file holds has exactly the types the app stores', () => {
	expectTypeOf<v.InferOutput<typeof SessionSchema>>().toEqualTypeOf<SessionRecord>();
	expectTypeOf<v.InferOutput<typeof CheckInSchema>>().toEqualTypeOf<CheckIn>();
	expectTypeOf<v.InferOutput<typeof MorningAnswerSchema>>().toEqualTypeOf<MorningAnswer>();
	expectTypeOf<v.InferOutput<typeof ProgressionResetSchema>>().toEqualTypeOf<ProgressionReset>();
	expectTypeOf<v.InferOutput<typeof CareApplicationSchema>>().toEqualTypeOf<CareApplication>();
	expectTypeOf<v.InferOutput<typeof SettingsSchema>>().toEqualTypeOf<Partial<Settings>>();
	expectTypeOf<v.InferOutput<typeof BackupSchema>['sessions']>().toEqualTypeOf<SessionRecord[]>();
});
