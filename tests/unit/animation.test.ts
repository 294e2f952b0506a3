import { describe, expect, test } from 'vitest';
import { loadRoutesData } from '../../scripts/routes-data.ts';
import type { Exercise } from '../../src/lib/core/content/definitions.ts';
import { prescription } from '../../src/lib/core/progression/dose.ts';
import {
	animationToLottie,
	holdFrames,
	COMPOSITION,
	type LottieAnimation,
	type ShapeLayer
} from '../../src/lib/animation/lottie.ts';
import {
	animationFor,
	loopPhases,
	loopTiming,
	rangeFractionAt,
	samplePoses,
	swapSides,
	targetLabel
} from '../../src/lib/animation/loop.ts';
import {
	CAMERAS,
	jointProblems,
	joint,
	project,
	solvePose,
	targetPose,
	type View
} from '../../src/lib/animation/pose.ts';
import type { Pose } from '../../src/lib/core/content/pose-schema.ts';
import { poseToSvg } from '../../src/lib/animation/still.ts';

const { exercises } = loadRoutesData('routes-data');
const byId = (id: string) => exercises.find((e) => e.id === id)!;

/** Every animation of the content: each exercise's own, and each warm-up movement's. */
const cases: [string, Exercise, string | undefined][] = exercises.flatMap((exercise) => [
	[exercise.id, exercise, undefined] as [string, Exercise, undefined],
	...(exercise.movements ?? []).map(
		(m) => [`${exercise.id}/${m.id}`, exercise, m.id] as [string, Exercise, string]
	)
]);

function generate(
	exercise: Exercise,
	movementId: string | undefined,
	rangeFraction: number,
	side: 'left' | 'right' | 'both'
) {
	const dose = prescription(exercise, 0);
	return animationToLottie(animationFor(exercise, movementId), {
		rangeFraction,
		side,
		perSide: exercise.sides === 'per-side',
		timing: loopTiming(exercise, dose.holdSeconds, movementId),
		name: exercise.id
	});
}

/** A keyframed value at a frame, interpolated in a straight line as the keyframes' handles say. */
function valueAt(keys: { t: number; s: number[] }[], frame: number): number[] {
	const next = keys.findIndex((k) => k.t >= frame);
	if (next <= 0) return keys[Math.max(0, next)]!.s;
	const a = keys[next - 1]!;
	const b = keys[next]!;
	const t = (frame - a.t) / (b.t - a.t);
	return a.s.map((n, i) => n + (b.s[i]! - n) * t);
}

type AnyProperty =
	{ a: 0; k: unknown } | { a: 1; k: { t: number; s: unknown; i?: unknown; o?: unknown }[] };

function propertiesOf(layer: ShapeLayer): AnyProperty[] {
	const shapeProps = layer.shapes.flatMap((shape) =>
		Object.values(shape).filter(
			(v): v is AnyProperty => typeof v === 'object' && v !== null && 'a' in v
		)
	);
	return [...Object.values(layer.ks), ...shapeProps] as AnyProperty[];
}

/** The structure lottie-web's SVG renderer reads, checked field by field. */
function expectPlayable(data: LottieAnimation) {
	expect(data.v).toMatch(/^5\.\d+\.\d+$/);
	expect(data.fr).toBeGreaterThan(0);
	expect(data.ip).toBe(0);
	expect(data.op).toBeGreaterThan(data.ip);
	expect(data.w).toBe(COMPOSITION.width);
	expect(data.h).toBe(COMPOSITION.height);
	expect(data.layers.length).toBeGreaterThan(10);
	const indices = data.layers.map((l) => l.ind);
	expect(new Set(indices).size).toBe(indices.length);
	for (const layer of data.layers) {
		expect(layer.ty).toBe(4);
		expect(layer.ip).toBe(data.ip);
		expect(layer.op).toBe(data.op);
		expect(Object.keys(layer.ks).sort()).toEqual(['a', 'o', 'p', 'r', 's']);
		expect(layer.shapes.length).toBe(2);
		expect(['sh', 'el']).toContain(layer.shapes[0]!.ty);
		expect(['st', 'fl']).toContain(layer.shapes[1]!.ty);
		for (const property of propertiesOf(layer)) {
			if (property.a === 0) continue;
			const times = property.k.map((key) => key.t);
			expect(times.length).toBeGreaterThanOrEqual(2);
			expect(times[0]).toBe(0);
			expect(times.at(-1)).toBe(data.op);
			for (let i = 1; i < times.length; i += 1) expect(times[i]!).toBeGreaterThan(times[i - 1]!);
			for (const key of property.k.slice(0, -1)) {
				expect(key.i).toBeDefined();
				expect(key.o).toBeDefined();
			}
		}
	}
}

describe('the Lottie generator', () => {
	test.each(cases)(
		'%s gives data lottie-web can play, at 0, 50 and 100 percent of range',
		(_, exercise, movementId) => {
			for (const fraction of [0, 0.5, 1])
				expectPlayable(generate(exercise, movementId, fraction, 'right'));
		}
	);

	test.each(cases)(
		'%s never bends a joint past its limits at 0, 50 and 100 percent of range',
		(_, exercise, movementId) => {
			const animation = animationFor(exercise, movementId);
			const timing = loopTiming(exercise, 5, movementId);
			for (const fraction of [0, 0.5, 1]) {
				for (const { pose } of samplePoses(loopPhases(animation, fraction, timing), 30)) {
					expect(jointProblems(pose)).toEqual([]);
				}
			}
		}
	);

	test.each(cases)('%s gives the same data for the same input', (_, exercise, movementId) => {
		const first = JSON.stringify(generate(exercise, movementId, 0.4, 'left'));
		const second = JSON.stringify(generate(exercise, movementId, 0.4, 'left'));
		expect(second).toBe(first);
	});

	test('rotations are keyframed and eased: the loop starts and ends slowly', () => {
		const data = generate(byId('bird-dog'), undefined, 1, 'right');
		const arm = data.layers.find((l) => l.nm === 'upperArmR')!;
		expect(arm.ks.r.a).toBe(1);
		const keys = (arm.ks.r as { k: { t: number; s: number[] }[] }).k;
		const moving = keys.filter((k, i) => i > 0 && k.s[0] !== keys[i - 1]!.s[0]);
		const steps = moving.map((k) => {
			const before = keys[keys.indexOf(k) - 1]!;
			return Math.abs(k.s[0]! - before.s[0]!) / (k.t - before.t);
		});
		// The first step of the lift turns slower than the middle of it.
		expect(steps[0]!).toBeLessThan(Math.max(...steps) / 2);
	});

	test('a loop lasts the tempo: rest, up, the hold at the top, down', () => {
		const bridge = byId('hip-bridge');
		const data = generate(bridge, undefined, 1, 'both');
		const hold = prescription(bridge, 0).holdSeconds;
		expect(data.op).toBe(Math.round((0.5 + 2 + hold + 2) * data.fr));
	});

	test('a hold stays still for the whole hold length', () => {
		const plank = byId('plank');
		const data = animationToLottie(plank.animation, {
			rangeFraction: 1,
			side: 'both',
			timing: loopTiming(plank, 20),
			name: 'plank'
		});
		expect(data.op).toBe((1 + 3 + 20 + 3) * 30);
		const head = data.layers.find((l) => l.nm === 'head')!;
		const keys = (head.ks.p as { k: { t: number; s: number[] }[] }).k;
		const at = (frame: number) => valueAt(keys, frame);
		const reached = at(4 * 30);
		for (const second of [5, 10, 20, 24]) {
			at(second * 30).forEach((n, i) => expect(n).toBeCloseTo(reached[i]!, 0));
		}
		// ...and it did move to get there.
		expect(Math.abs(at(0)[1]! - reached[1]!)).toBeGreaterThan(10);
	});

	test('the end pose scales with today’s range: 40 percent of the range twists 40 percent as far', () => {
		const twist = byId('seated-twist');
		const end = twist.animation.end.twist!;
		expect(targetPose(twist.animation, 0.4).twist).toBeCloseTo(0.4 * end);
		expect(targetPose(twist.animation, 1).twist).toBe(end);
		// Today's range / the dial's maximum; no range dial means the full movement.
		expect(rangeFractionAt(twist, 0)).toBeCloseTo(15 / 45);
		expect(rangeFractionAt(byId('plank'), 0)).toBe(1);
	});

	test('the figure at a larger range reaches further', () => {
		const lying = byId('lying-twist');
		const knee = (fraction: number) => solvePose(targetPose(lying.animation, fraction)).kneeR;
		expect(knee(1).z).toBeGreaterThan(knee(0.5).z);
		expect(knee(0.5).z).toBeGreaterThan(knee(0).z);
	});

	test('the left side is the mirror image of the right', () => {
		for (const exercise of exercises.filter((e) => e.sides === 'per-side')) {
			const right = generate(exercise, undefined, 1, 'right');
			const left = generate(exercise, undefined, 1, 'left');
			expect(JSON.stringify(left)).not.toBe(JSON.stringify(right));
			const headAt = (data: LottieAnimation) => {
				const p = data.layers.find((l) => l.nm === 'head')!.ks.p;
				return (p.a === 0 ? p.k : p.k[0]!.s) as number[];
			};
			const [rx, ry] = headAt(right);
			const [lx, ly] = headAt(left);
			if (exercise.animation.view === 'top') {
				expect(lx).toBeCloseTo(rx!, 0);
				expect(ly! + ry!).toBeCloseTo(COMPOSITION.height, 0);
			} else {
				expect(lx! + rx!).toBeCloseTo(COMPOSITION.width, 0);
				expect(ly).toBeCloseTo(ry!, 0);
			}
		}
	});

	test('marching lifts one knee, then the other', () => {
		const warmUp = byId('warm-up');
		const marching = animationFor(warmUp, 'marching');
		const phases = loopPhases(marching, 1, loopTiming(warmUp, 30, 'marching'));
		const tops = phases.filter((p) => !p.moving && p.from !== marching.start).map((p) => p.to);
		expect(tops).toHaveLength(2);
		expect(joint(tops[0]!, 'hipR')).toBeGreaterThan(45);
		expect(joint(tops[1]!, 'hipL')).toBeGreaterThan(45);
		expect(swapSides(swapSides(tops[0]!))).toEqual(tops[0]);
	});

	test('the still picture of a pose is small and the same every time', () => {
		const pose = targetPose(byId('bird-dog').animation, 1);
		const svg = poseToSvg(pose, 'side');
		expect(svg).toBe(poseToSvg(pose, 'side'));
		// Fifteen limbs and body segments, the head in three discs, two hands and the floor line.
		expect(svg.match(/<(line|circle)/g)!.length).toBeLessThanOrEqual(21);
	});
});

describe('figures that teach', () => {
	const screen = (pose: Pose, view: View, point: keyof ReturnType<typeof solvePose>) =>
		project(solvePose(pose)[point], view);

	test('twists are seen from above, with the shoulder and hip lines drawn', () => {
		for (const id of ['seated-twist', 'lying-twist']) {
			const animation = byId(id).animation;
			expect(CAMERAS[animation.view].tilt, id).toBeGreaterThanOrEqual(30);
			expect(animation.axes, id).toBe(true);
		}
	});

	test('exercises lying down are seen from the side, where the lift shows', () => {
		for (const id of ['hip-bridge', 'knee-to-chest']) expect(byId(id).animation.view).toBe('side');
		expect(animationFor(byId('warm-up'), 'pelvic-tilt').view).toBe('side');
	});

	test('the seated twist turns the shoulder line against the hip line by the range', () => {
		const twist = byId('seated-twist').animation;
		const lineAngle = (pose: Pose, from: 'shoulderL' | 'hipL', to: 'shoulderR' | 'hipR') => {
			const s = solvePose(pose);
			return (Math.atan2(s[to].z - s[from].z, s[to].x - s[from].x) * 180) / Math.PI;
		};
		const turn = (pose: Pose) =>
			lineAngle(pose, 'shoulderL', 'shoulderR') - lineAngle(pose, 'hipL', 'hipR');
		expect(Math.abs(turn(twist.start))).toBeLessThan(2);
		expect(Math.abs(turn(targetPose(twist, 1)))).toBeCloseTo(45, 0);
	});

	test('cat-cow arches the back one way and rounds it the other', () => {
		const catCow = animationFor(byId('warm-up'), 'cat-cow');
		// How far the middle of the back sits above the line from pelvis to neck.
		const bulge = (pose: Pose) => {
			const s = solvePose(pose);
			const t = (s.chest.x - s.pelvis.x) / (s.neck.x - s.pelvis.x);
			return s.chest.y - (s.pelvis.y + t * (s.neck.y - s.pelvis.y));
		};
		expect(bulge(catCow.start)).toBeLessThan(-3);
		expect(bulge(catCow.end)).toBeGreaterThan(3);
	});

	test('a pelvic tilt flattens the low back onto the floor', () => {
		const tilt = animationFor(byId('warm-up'), 'pelvic-tilt');
		const lowBack = (pose: Pose) => solvePose(pose).waist.y;
		expect(lowBack(tilt.start) - lowBack(tilt.end)).toBeGreaterThan(5);
	});

	test('the face looks the way the body faces', () => {
		const standing = animationFor(byId('warm-up'), 'marching').start;
		const s = solvePose(standing);
		expect(s.nose.x).toBeGreaterThan(s.head.x + 5);
		expect(s.hair.x).toBeLessThan(s.head.x);
	});

	test.each(cases)(
		'%s: start and today’s end at the starting dose differ clearly',
		(_, exercise, movementId) => {
			const animation = animationFor(exercise, movementId);
			const fraction = movementId ? 1 : rangeFractionAt(exercise, 0);
			const target = targetPose(animation, fraction);
			const moved = Math.max(
				...(
					['handL', 'handR', 'kneeL', 'kneeR', 'pelvis', 'chest', 'head', 'shoulderL'] as const
				).map((point) => {
					const a = screen(animation.start, animation.view, point);
					const b = screen(target, animation.view, point);
					return Math.hypot(a.h - b.h, a.v - b.v);
				})
			);
			// Centimetres on the picture: at least a hand's width.
			expect(moved).toBeGreaterThan(7);
		}
	);

	test('the ghost stands where today’s target is, and the trail only where there is a range', () => {
		const knee = byId('knee-to-chest');
		const fraction = rangeFractionAt(knee, 0);
		const data = animationToLottie(knee.animation, {
			rangeFraction: fraction,
			side: 'right',
			perSide: true,
			marker: true,
			timing: loopTiming(knee, 15),
			name: knee.id
		});
		const headAt = (name: string, frame: number) => {
			const p = data.layers.find((l) => l.nm === name)!.ks.p;
			return p.a === 0 ? p.k : valueAt(p.k as { t: number; s: number[] }[], frame);
		};
		const reached = holdFrames(loopTiming(knee, 15)).reached;
		headAt('ghost-head', 0).forEach((n, i) =>
			expect(n).toBeCloseTo(headAt('head', reached)[i]!, 0)
		);
		expect(data.layers.some((l) => l.nm === 'trail')).toBe(true);
		expect(generate(byId('plank'), undefined, 1, 'both').layers.some((l) => l.nm === 'trail')).toBe(
			false
		);
		expect(targetLabel(knee, fraction)).toBe('90°');
		expect(targetLabel(byId('hip-bridge'), rangeFractionAt(byId('hip-bridge'), 0))).toBe('8 cm');
		expect(targetLabel(byId('plank'), 1)).toBeUndefined();
	});

	test('near limbs are painted over far ones, in a different tone', () => {
		const data = generate(byId('bird-dog'), undefined, 1, 'right');
		const order = data.layers.map((l) => l.nm);
		expect(order.indexOf('thighR')).toBeLessThan(order.indexOf('thighL'));
		const tone = (name: string) => data.layers.find((l) => l.nm === name)!.cl;
		expect(tone('thighR')).toContain('figure-near-leg');
		expect(tone('thighL')).toContain('figure-far-leg');
	});
});
