import { expectTypeOf, test } from 'vitest';
import type * as v from 'valibot';
import type { BackupSchema } from '../../src/lib/core/records/backup';
import type {
	CareApplicationSchema,
	CheckInSchema,
	MorningAnswerSchema,
	ProgressionResetSchema,
	RedFlagFollowUpSchema,
	SessionSchema
} from '../../src/lib/core/records/record-schemas';
import type { ChosenSettings, Settings } from '../../src/lib/core/records/settings';
import type { SettingsSchema } from '../../src/lib/core/records/settings-schema';
import type {
	CheckIn,
	MorningAnswer,
	ProgressionReset,
	RedFlagFollowUp,
	SessionRecord
} from '../../src/lib/core/records/history';
import type { CareApplication } from '../../src/lib/core/care/ice-heat';

// svelte-check type-checks this file: a schema that drifts from its type fails `npm run check`.
test('what a backup file holds has exactly the types the app stores', () => {
	expectTypeOf<v.InferOutput<typeof SessionSchema>>().toEqualTypeOf<SessionRecord>();
	expectTypeOf<v.InferOutput<typeof CheckInSchema>>().toEqualTypeOf<CheckIn>();
	expectTypeOf<v.InferOutput<typeof MorningAnswerSchema>>().toEqualTypeOf<MorningAnswer>();
	expectTypeOf<v.InferOutput<typeof ProgressionResetSchema>>().toEqualTypeOf<ProgressionReset>();
	expectTypeOf<v.InferOutput<typeof RedFlagFollowUpSchema>>().toEqualTypeOf<RedFlagFollowUp>();
	expectTypeOf<v.InferOutput<typeof BackupSchema>['followUps']>().toEqualTypeOf<
		RedFlagFollowUp[]
	>();
	expectTypeOf<v.InferOutput<typeof CareApplicationSchema>>().toEqualTypeOf<CareApplication>();
	expectTypeOf<v.InferOutput<typeof SettingsSchema>>().toEqualTypeOf<ChosenSettings>();
	expectTypeOf<Settings['voice']>().toEqualTypeOf<boolean>();
	expectTypeOf<Settings['restSeconds']>().toEqualTypeOf<number | undefined>();
	expectTypeOf<v.InferOutput<typeof BackupSchema>['sessions']>().toEqualTypeOf<SessionRecord[]>();
});
